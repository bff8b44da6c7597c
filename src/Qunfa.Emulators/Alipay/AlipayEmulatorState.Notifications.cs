namespace Qunfa.Emulators.Alipay;

public sealed partial class AlipayEmulatorState
{
    internal const string HttpClientName = "qunfa-alipay-emulator-notify";

    /// <summary>Test hook: waits until every scheduled delivery (including retries) has finished.</summary>
    public async Task WhenDeliveriesIdleAsync(CancellationToken ct = default)
    {
        while (true)
        {
            Task[] pending;
            lock (_gate)
            {
                _deliveries.RemoveAll(t => t.IsCompleted);
                pending = [.. _deliveries];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).WaitAsync(ct);
        }
    }

    /// <summary>Fault hook: posts the trade's last notification again, verbatim (same notify_id and signature), once.</summary>
    public Task<AlipayNotificationAttempt> ReplayLastNotificationAsync(string outTradeNo, string? partner = null, CancellationToken ct = default)
    {
        var trade = FindTrade(partner ?? Options.EffectiveMerchants[0].Partner, outTradeNo)
            ?? throw new InvalidOperationException($"No trade {outTradeNo}.");
        var last = trade.LastNotification ?? throw new InvalidOperationException($"Trade {outTradeNo} has not been notified yet.");
        return PostAsync(trade, last, attempt: 0, isExtra: true, ct);
    }

    /// <summary>Builds, signs and schedules the notification for the trade's current status (after 付款, or on demand in tests).</summary>
    public string? Notify(AlipayEmulatorTrade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        if (trade.NotifyUrl is null)
        {
            return null;
        }

        var notifyId = IssueNotifyId(trade.Merchant.Partner);
        var parameters = trade.Protocol == AlipayEmulatorProtocol.Md5
            ? AlipayNotificationBuilder.Md5Notify(this, trade, notifyId)
            : AlipayNotificationBuilder.Rsa2Notify(this, trade, notifyId);
        trade.LastNotification = parameters;
        lock (_gate)
        {
            _deliveries.Add(Task.Run(() => DeliverAsync(trade, parameters, _stopping.Token)));
        }

        return notifyId;
    }

    private async Task DeliverAsync(AlipayEmulatorTrade trade, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken ct)
    {
        try
        {
            var schedule = Options.RetrySchedule;
            for (var attempt = 1; ; attempt++)
            {
                var result = await PostAsync(trade, parameters, attempt, isExtra: false, ct);
                if (result.Acknowledged)
                {
                    ConsumeNotifyId(result.NotifyId);
                    break;
                }

                if (attempt > schedule.Count)
                {
                    return;
                }

                await Task.Delay(schedule[attempt - 1] * Math.Max(Options.TimeScale, 0), Time, ct);
            }

            for (var copy = 0; copy < Faults.DuplicateNotifications; copy++)
            {
                await PostAsync(trade, parameters, attempt: 0, isExtra: true, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The emulator is shutting down.
        }
    }

    private async Task<AlipayNotificationAttempt> PostAsync(
        AlipayEmulatorTrade trade, IReadOnlyList<KeyValuePair<string, string>> parameters, int attempt, bool isExtra, CancellationToken ct)
    {
        int? status = null;
        string? body = null;
        try
        {
            var http = _httpClientFactory.CreateClient(HttpClientName);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Options.NotificationHttpTimeout);
            using var content = new FormUrlEncodedContent(parameters);
            using var response = await http.PostAsync(trade.NotifyUrl, content, timeout.Token);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            body = ex.GetType().Name + ": " + ex.Message;
        }

        var record = new AlipayNotificationAttempt(
            trade.OutTradeNo,
            parameters.FirstOrDefault(p => p.Key == "notify_id").Value ?? string.Empty,
            attempt,
            isExtra,
            parameters,
            status,
            body,
            Time.GetUtcNow());
        lock (_gate)
        {
            _attempts.Add(record);
        }

        return record;
    }
}
