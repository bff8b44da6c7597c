using System.Net;
using System.Text.Json;

namespace Qunfa.Emulators.Sms;

/// <summary>
/// Alibaba's HTTP batch push of SmsReports. Delivered reports wait as ranges of their send batches and are
/// rendered only into the POST that carries them: up to ReportPushBatchSize per array, ReportPushConcurrency
/// POSTs at a time, so reports pile up (and share arrays) only while the receiver is slower than they arrive.
/// A POST not answered 200 with code 0 is sent again after each of ReportPushRetryDelays, then given up.
/// </summary>
internal sealed class ReportPusher(EmulatorState state, IHttpClientFactory httpClientFactory) : IAsyncDisposable
{
    public const string HttpClientName = "qunfa-aliyun-emulator-report-push";

    private sealed class Waiting(Uri url, SmsBatch batch, int start, int count)
    {
        public Uri Url { get; } = url;

        public SmsBatch Batch { get; } = batch;

        public int Start { get; set; } = start;

        public int Count { get; set; } = count;
    }

    private readonly Lock _gate = new();
    private readonly Queue<Waiting> _waiting = new();
    private readonly Queue<ReportPush> _dueAgain = new();
    private readonly List<Task> _running = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _inFlight;

    /// <summary>The batch's reports, then one more report for each duplicated number.</summary>
    public void Push(Uri url, SmsBatch batch, IReadOnlyList<int> duplicates)
    {
        lock (_gate)
        {
            _waiting.Enqueue(new Waiting(url, batch, 0, batch.Count));
            foreach (var index in duplicates)
            {
                _waiting.Enqueue(new Waiting(url, batch, index, 1));
            }
        }
        Pump();
    }

    public void Stop()
    {
        lock (_gate)
        {
            _stopping.Cancel();
            _waiting.Clear();
            _dueAgain.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }
        // Every task ends by itself once stopping is signalled; none throws.
        await Task.WhenAll(running);
        _stopping.Dispose();
    }

    private void Pump()
    {
        lock (_gate)
        {
            while (_inFlight < Math.Max(1, state.Options.ReportPushConcurrency) && !_stopping.IsCancellationRequested && TryTakeNext(out var push))
            {
                _inFlight++;
                Run(() => PostAsync(push));
            }
        }
    }

    private bool TryTakeNext(out ReportPush push)
    {
        if (_dueAgain.TryDequeue(out push!))
        {
            return true;
        }
        if (!_waiting.TryPeek(out var first))
        {
            return false;
        }
        var size = Math.Max(1, state.Options.ReportPushBatchSize);
        var ranges = new List<ReportRange>();
        var count = 0;
        while (count < size && _waiting.TryPeek(out var next) && next.Url == first.Url)
        {
            var take = Math.Min(next.Count, size - count);
            ranges.Add(new ReportRange(next.Batch, next.Start, take));
            count += take;
            if (take == next.Count)
            {
                _waiting.Dequeue();
            }
            else
            {
                next.Start += take;
                next.Count -= take;
            }
        }
        push = new ReportPush(first.Url, ranges, count);
        return true;
    }

    private void Run(Func<Task> work)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(Task.Run(work));
        }
    }

    private async Task PostAsync(ReportPush push)
    {
        var ct = _stopping.Token;
        bool acknowledged;
        try
        {
            push.Attempts++;
            state.Counters.AddPushRequest();
            acknowledged = await SendAsync(push, ct);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
        if (acknowledged)
        {
            state.Counters.AddPushed(push.Count);
        }
        else
        {
            state.Counters.AddPushFailure();
            var delays = state.Options.ReportPushRetryDelays;
            if (push.Attempts <= delays.Count)
            {
                state.Counters.AddPushRetry();
                var delay = delays[push.Attempts - 1];
                Run(() => RetryLaterAsync(push, delay));
            }
            else
            {
                state.Counters.AddPushGivenUp();
            }
        }
        Pump();
    }

    private async Task<bool> SendAsync(ReportPush push, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(state.Options.ReportPushTimeout);
            using var content = new ReportArrayContent(push.Ranges);
            using var response = await httpClientFactory.CreateClient(HttpClientName).PostAsync(push.Url, content, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
            return IsAcknowledgement(await response.Content.ReadAsByteArrayAsync(timeout.Token));
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Refused connections, timeouts, a URL the client cannot use: all are an unacknowledged push.
            return false;
        }
    }

    private static bool IsAcknowledgement(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var value) && value == 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task RetryLaterAsync(ReportPush push, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, state.Time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        lock (_gate)
        {
            _dueAgain.Enqueue(push);
        }
        Pump();
    }
}
