namespace Qunfa.Emulators;

/// <summary>Monotonic counters for tests and the benchmark; updated with Interlocked, never locked.</summary>
public sealed class EmulatorCounters
{
    private long _rpcRequests, _rpcErrors, _sendCalls, _acceptedMessages, _reportedMessages, _failedReports,
        _duplicateReports, _mnsReceiveRequests, _mnsReceived, _mnsDeleted, _injectedServerErrors, _droppedConnections,
        _reportsPushed, _pushRequests, _pushFailures, _pushRetries, _pushesGivenUp;

    public long RpcRequests => Interlocked.Read(ref _rpcRequests);

    public long RpcErrors => Interlocked.Read(ref _rpcErrors);

    public long AcceptedSendCalls => Interlocked.Read(ref _sendCalls);

    public long AcceptedMessages => Interlocked.Read(ref _acceptedMessages);

    public long ReportedMessages => Interlocked.Read(ref _reportedMessages);

    public long FailedReports => Interlocked.Read(ref _failedReports);

    public long DuplicateReports => Interlocked.Read(ref _duplicateReports);

    /// <summary>Every ReceiveMessage / BatchReceiveMessage request, empty, refused or failed ones included.</summary>
    public long MnsReceiveRequests => Interlocked.Read(ref _mnsReceiveRequests);

    public long MnsReceived => Interlocked.Read(ref _mnsReceived);

    public long MnsDeleted => Interlocked.Read(ref _mnsDeleted);

    public long InjectedServerErrors => Interlocked.Read(ref _injectedServerErrors);

    public long DroppedConnections => Interlocked.Read(ref _droppedConnections);

    /// <summary>Reports in acknowledged HTTP pushes (duplicates included).</summary>
    public long ReportsPushed => Interlocked.Read(ref _reportsPushed);

    /// <summary>Every POST of a report array, retries included.</summary>
    public long PushRequests => Interlocked.Read(ref _pushRequests);

    /// <summary>POSTs not acknowledged: another status or body, an error or a timeout.</summary>
    public long PushFailures => Interlocked.Read(ref _pushFailures);

    public long PushRetries => Interlocked.Read(ref _pushRetries);

    /// <summary>Report arrays dropped after the last retry failed.</summary>
    public long PushesGivenUp => Interlocked.Read(ref _pushesGivenUp);

    internal void RecordRpc(bool success)
    {
        Interlocked.Increment(ref _rpcRequests);
        if (!success)
        {
            Interlocked.Increment(ref _rpcErrors);
        }
    }

    internal void AddAccepted(int numbers)
    {
        Interlocked.Increment(ref _sendCalls);
        Interlocked.Add(ref _acceptedMessages, numbers);
    }

    internal void AddReported(int numbers, int failed)
    {
        Interlocked.Add(ref _reportedMessages, numbers);
        Interlocked.Add(ref _failedReports, failed);
    }

    internal void AddDuplicateReport() => Interlocked.Increment(ref _duplicateReports);

    internal void AddMnsReceiveRequest() => Interlocked.Increment(ref _mnsReceiveRequests);

    internal void AddMnsReceived(int n) => Interlocked.Add(ref _mnsReceived, n);

    internal void AddMnsDeleted(int n) => Interlocked.Add(ref _mnsDeleted, n);

    internal void AddInjectedServerError() => Interlocked.Increment(ref _injectedServerErrors);

    internal void AddDroppedConnection() => Interlocked.Increment(ref _droppedConnections);

    internal void AddPushRequest() => Interlocked.Increment(ref _pushRequests);

    internal void AddPushed(int reports) => Interlocked.Add(ref _reportsPushed, reports);

    internal void AddPushFailure() => Interlocked.Increment(ref _pushFailures);

    internal void AddPushRetry() => Interlocked.Increment(ref _pushRetries);

    internal void AddPushGivenUp() => Interlocked.Increment(ref _pushesGivenUp);
}
