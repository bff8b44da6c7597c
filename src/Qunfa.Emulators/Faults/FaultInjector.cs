using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Faults;

/// <summary>Latency, 5xx before an action runs, and connections dropped after an action succeeded.</summary>
internal sealed class FaultInjector(EmulatorState state)
{
    public Task DelayAsync(CancellationToken ct) =>
        state.Options.Latency > TimeSpan.Zero ? Task.Delay(state.Options.Latency, state.Time, ct) : Task.CompletedTask;

    public RpcResult? ServerError(string action)
    {
        if (!Applies(action) || !state.Dice.Roll(state.Options.ServerErrorRate))
        {
            return null;
        }
        state.Counters.AddInjectedServerError();
        return state.Dice.Next(2) == 0
            ? RpcResult.Gateway(500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.")
            : RpcResult.Gateway(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
    }

    /// <summary>The action has already changed state (e.g. the SMS is recorded as sent); the caller only sees a broken connection.</summary>
    public bool DropAfterSuccess(string action, RpcResult result)
    {
        if (!result.IsSuccess || !Applies(action) || !state.Dice.Roll(state.Options.DropAfterAcceptRate))
        {
            return false;
        }
        state.Counters.AddDroppedConnection();
        return true;
    }

    private bool Applies(string action) =>
        state.Options.FaultActions.Count == 0 || state.Options.FaultActions.Contains(action, StringComparer.Ordinal);
}
