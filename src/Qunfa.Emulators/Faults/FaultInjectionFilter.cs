using System.Text;
using Qunfa.Emulators.Infrastructure;

namespace Qunfa.Emulators.Faults;

/// <summary>Latency, 5xx before processing, and connections dropped after a request was fully processed.</summary>
internal sealed class FaultInjectionFilter(EmulatorState state, string hostId) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var options = state.Options;
        var http = context.HttpContext;
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, http.RequestAborted);
        }
        if (state.Dice.Roll(options.ServerErrorRate))
        {
            state.Counters.AddInjectedServerError();
            var (status, code, message) = state.Dice.Next(2) == 0
                ? (500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.")
                : (503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
            var json = $$"""{"RequestId":"{{Ids.RequestId()}}","HostId":"{{hostId}}","Code":"{{code}}","Message":"{{message}}","Recommend":""}""";
            return Results.Content(json, "application/json; charset=utf-8", Encoding.UTF8, status);
        }
        var result = await next(context);
        if (state.Dice.Roll(options.DropAfterAcceptRate))
        {
            // The action has already changed state (e.g. the SMS is recorded as sent); the caller only sees a broken connection.
            state.Counters.AddDroppedConnection();
            http.Abort();
            return Results.Empty;
        }
        return result;
    }
}
