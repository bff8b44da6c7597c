using System.Security.Cryptography;

namespace Qunfa.Emulators.Alipay;

/// <summary>All trades, notify ids and notification attempts of one emulator; every gateway endpoint answers from here.</summary>
public sealed partial class AlipayEmulatorState : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Partner, string OutTradeNo), AlipayEmulatorTrade> _trades = [];
    private readonly Dictionary<string, AlipayEmulatorTrade> _byTradeNo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Partner, DateTimeOffset ExpiresAt)> _notifyIds = new(StringComparer.Ordinal);
    private readonly List<AlipayNotificationAttempt> _attempts = [];
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _deliveries = [];

    internal AlipayEmulatorState(AlipayEmulatorOptions options, TimeProvider time, IHttpClientFactory httpClientFactory)
    {
        Options = options;
        Time = time;
        _httpClientFactory = httpClientFactory;
    }

    public AlipayEmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public AlipayEmulatorFaults Faults { get; } = new();

    public IReadOnlyList<AlipayEmulatorTrade> Trades
    {
        get
        {
            lock (_gate)
            {
                return [.. _trades.Values];
            }
        }
    }

    public IReadOnlyList<AlipayNotificationAttempt> NotificationAttempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    public AlipayEmulatorMerchant? FindMerchantByPartner(string? partner) =>
        Options.EffectiveMerchants.FirstOrDefault(m => m.Partner == partner);

    public AlipayEmulatorMerchant? FindMerchantByAppId(string? appId) =>
        Options.EffectiveMerchants.FirstOrDefault(m => m.AppId == appId);

    public AlipayEmulatorTrade? FindTrade(string partner, string? outTradeNo, string? tradeNo = null)
    {
        lock (_gate)
        {
            AlipayEmulatorTrade? trade = null;
            if (!string.IsNullOrEmpty(tradeNo) && _byTradeNo.TryGetValue(tradeNo, out var byNo) && byNo.Merchant.Partner == partner)
            {
                trade = byNo;
            }
            else if (!string.IsNullOrEmpty(outTradeNo))
            {
                _trades.TryGetValue((partner, outTradeNo), out trade);
            }

            if (trade is not null)
            {
                ExpireIfDue(trade);
            }

            return trade;
        }
    }

    public AlipayEmulatorTrade? FindTradeByTradeNo(string tradeNo)
    {
        lock (_gate)
        {
            return _byTradeNo.TryGetValue(tradeNo, out var trade) ? ExpireIfDue(trade) : null;
        }
    }

    /// <summary>
    /// Issues a notify_id that notify_verify accepts for <paramref name="lifetime"/> (default
    /// <see cref="AlipayEmulatorOptions.NotifyIdLifetime"/>); a notification's id also stops verifying once the merchant answered success.
    /// </summary>
    public string IssueNotifyId(string partner, TimeSpan? lifetime = null)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(17));
        lock (_gate)
        {
            _notifyIds[id] = (partner, Time.GetUtcNow() + (lifetime ?? Options.NotifyIdLifetime));
        }

        return id;
    }

    /// <summary>Alipay invalidates an asynchronous notify_id once the merchant acknowledged it with "success".</summary>
    internal void ConsumeNotifyId(string notifyId)
    {
        lock (_gate)
        {
            _notifyIds.Remove(notifyId);
        }
    }

    public bool VerifyNotifyId(string? partner, string? notifyId)
    {
        lock (_gate)
        {
            return notifyId is not null
                && _notifyIds.TryGetValue(notifyId, out var entry)
                && entry.Partner == partner
                && Time.GetUtcNow() < entry.ExpiresAt;
        }
    }

    /// <summary>Test hook: every notify_id issued so far stops verifying.</summary>
    public void ExpireNotifyIds()
    {
        lock (_gate)
        {
            _notifyIds.Clear();
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private AlipayEmulatorTrade ExpireIfDue(AlipayEmulatorTrade trade)
    {
        var now = Time.GetUtcNow();
        if (trade.Status == "WAIT_BUYER_PAY" && trade.ExpiresAt is { } expires && now >= expires)
        {
            trade.Status = "TRADE_CLOSED";
            trade.ClosedAt = expires;
        }

        return trade;
    }

    private string NewTradeNo()
    {
        var now = Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var random = RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "22001" + random + "0501";
    }
}
