namespace Qunfa.Emulators.Mns;

internal sealed class MnsQueue(string name, TimeSpan visibilityTimeout, int maxQueued)
{
    private sealed class PendingRange(IMnsMessageSource source, int start, int count, long enqueueTimeMs)
    {
        private readonly int _end = start + count;
        private int _next = start;

        public bool Exhausted => _next >= _end;

        public int Remaining => _end - _next;

        public MnsMessage Take() => new(source, _next++, enqueueTimeMs);
    }

    private readonly Lock _gate = new();
    private readonly Queue<MnsMessage> _visibleAgain = new();
    private readonly Queue<PendingRange> _pending = new();
    private readonly PriorityQueue<MnsMessage, long> _inflight = new();
    private readonly Dictionary<string, MnsMessage> _byHandle = new(StringComparer.Ordinal);
    private long _pendingCount;
    private long _handleCounter;
    private TaskCompletionSource _arrival = NewSignal();

    public string Name { get; } = name;

    public Task Arrival
    {
        get
        {
            lock (_gate)
            {
                return _arrival.Task;
            }
        }
    }

    public void Enqueue(IMnsMessageSource source, int start, int count, DateTimeOffset now)
    {
        if (count <= 0)
        {
            return;
        }
        TaskCompletionSource signal;
        lock (_gate)
        {
            _pending.Enqueue(new PendingRange(source, start, count, now.ToUnixTimeMilliseconds()));
            _pendingCount += count;
            while (_pendingCount > maxQueued && _pending.Count > 1)
            {
                _pendingCount -= _pending.Dequeue().Remaining;
            }
            signal = _arrival;
            _arrival = NewSignal();
        }
        signal.TrySetResult();
    }

    public List<ReceivedMessage> Receive(int max, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var result = new List<ReceivedMessage>(max);
        lock (_gate)
        {
            ReleaseExpired(nowMs);
            while (result.Count < max && TryTakeVisible(out var m))
            {
                m.DequeueCount++;
                if (m.FirstDequeueTimeMs == 0)
                {
                    m.FirstDequeueTimeMs = nowMs;
                }
                m.NextVisibleTimeMs = nowMs + (long)visibilityTimeout.TotalMilliseconds;
                m.ReceiptHandle = NewHandle(m);
                _byHandle[m.ReceiptHandle] = m;
                _inflight.Enqueue(m, m.NextVisibleTimeMs);
                result.Add(m.Snapshot());
            }
        }
        return result;
    }

    public bool Delete(string receiptHandle, DateTimeOffset now)
    {
        lock (_gate)
        {
            ReleaseExpired(now.ToUnixTimeMilliseconds());
            if (!_byHandle.Remove(receiptHandle, out var m))
            {
                return false;
            }
            m.MarkDeleted();
            return true;
        }
    }

    /// <summary>When the earliest in-flight message becomes visible again, so long polls can wake for it.</summary>
    public DateTimeOffset? NextVisibility()
    {
        lock (_gate)
        {
            while (_inflight.TryPeek(out var m, out var due))
            {
                if (!m.Deleted && m.NextVisibleTimeMs == due)
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds(due);
                }
                _inflight.Dequeue();
            }
            return null;
        }
    }

    public (long Visible, long InFlight) Counts(DateTimeOffset now)
    {
        lock (_gate)
        {
            ReleaseExpired(now.ToUnixTimeMilliseconds());
            return (_visibleAgain.Count + _pendingCount, _byHandle.Count);
        }
    }

    private bool TryTakeVisible(out MnsMessage message)
    {
        if (_visibleAgain.TryDequeue(out message!))
        {
            return true;
        }
        while (_pending.TryPeek(out var range))
        {
            if (range.Exhausted)
            {
                _pending.Dequeue();
                continue;
            }
            message = range.Take();
            _pendingCount--;
            if (range.Exhausted)
            {
                _pending.Dequeue();
            }
            return true;
        }
        return false;
    }

    private void ReleaseExpired(long nowMs)
    {
        while (_inflight.TryPeek(out var m, out var due) && due <= nowMs)
        {
            _inflight.Dequeue();
            if (m.Deleted || m.NextVisibleTimeMs != due)
            {
                continue;
            }
            _byHandle.Remove(m.ReceiptHandle!);
            m.ReceiptHandle = null;
            _visibleAgain.Enqueue(m);
        }
    }

    private string NewHandle(MnsMessage m) =>
        $"1-{Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"{m.Id}-{m.DequeueCount}-{++_handleCounter}-{Guid.NewGuid():N}"))}";

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
