using System.Globalization;
using Qunfa.Emulators.Infrastructure;

namespace Qunfa.Emulators.Mns;

internal sealed class MnsEndpoints(EmulatorState state, MnsAuthenticator auth)
{
    private const int MaxWaitSeconds = 30;

    public async Task<IResult> ReceiveAsync(HttpContext http, string queueName)
    {
        var requestId = Ids.RequestId();
        state.Counters.AddMnsReceiveRequest();
        if (await Authenticate(http, queueName, requestId) is { } denied)
        {
            return denied;
        }
        var query = http.Request.Query;
        var batch = query.ContainsKey("numOfMessages");
        var max = 1;
        if (batch && (!int.TryParse(query["numOfMessages"], CultureInfo.InvariantCulture, out max) || max is < 1 or > 16))
        {
            return MnsXml.Error(400, "InvalidArgument", "numOfMessages must be between 1 and 16.", requestId);
        }
        var waitSeconds = 0;
        if (query.ContainsKey("waitseconds")
            && (!int.TryParse(query["waitseconds"], CultureInfo.InvariantCulture, out waitSeconds) || waitSeconds is < 0 or > MaxWaitSeconds))
        {
            return MnsXml.Error(400, "InvalidArgument", "waitseconds must be between 0 and 30.", requestId);
        }
        state.TryGetQueue(queueName, out var queue);
        // Pending long polls must not hold up shutdown of the host for up to 30 s.
        var stopping = http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var wait = state.Options.MnsLongPoll ? TimeSpan.FromSeconds(waitSeconds) : TimeSpan.Zero;
        var messages = await LongPollAsync(queue!, max, wait, cancel.Token);
        if (messages.Count == 0)
        {
            return MnsXml.Error(404, "MessageNotExist", "Message not exist.", requestId);
        }
        state.Counters.AddMnsReceived(messages.Count);
        return MnsXml.Messages(messages, batch, requestId);
    }

    public async Task<IResult> DeleteAsync(HttpContext http, string queueName)
    {
        var requestId = Ids.RequestId();
        if (await Authenticate(http, queueName, requestId) is { } denied)
        {
            return denied;
        }
        state.TryGetQueue(queueName, out var queue);
        var now = state.Time.GetUtcNow();
        if (http.Request.Query.TryGetValue("ReceiptHandle", out var single))
        {
            if (!queue!.Delete(single.ToString(), now))
            {
                return MnsXml.Error(400, "ReceiptHandleError", "The receipt handle you provide is not valid.", requestId);
            }
            state.Counters.AddMnsDeleted(1);
            return MnsXml.NoContent(requestId);
        }
        using var reader = new StreamReader(http.Request.Body);
        var handles = MnsXml.ParseReceiptHandles(await reader.ReadToEndAsync(http.RequestAborted));
        if (handles is null || handles.Count is 0 or > 16)
        {
            return MnsXml.Error(400, "InvalidArgument", "The request body must be a ReceiptHandles document with 1 to 16 handles.", requestId);
        }
        var bad = handles.Where(h => !queue!.Delete(h, now)).ToList();
        state.Counters.AddMnsDeleted(handles.Count - bad.Count);
        return bad.Count == 0 ? MnsXml.NoContent(requestId) : MnsXml.BatchDeleteErrors(bad, requestId);
    }

    private async Task<IResult?> Authenticate(HttpContext http, string queueName, string requestId)
    {
        if (state.Options.MnsFaults)
        {
            if (state.Options.Latency > TimeSpan.Zero)
            {
                await Task.Delay(state.Options.Latency, state.Time, http.RequestAborted);
            }
            if (state.Dice.Roll(state.Options.ServerErrorRate))
            {
                state.Counters.AddInjectedServerError();
                return MnsXml.Error(500, "InternalError", "Internal error.", requestId);
            }
        }
        return auth.Authenticate(http, queueName, requestId);
    }

    private async Task<List<ReceivedMessage>> LongPollAsync(MnsQueue queue, int max, TimeSpan wait, CancellationToken ct)
    {
        var deadline = state.Time.GetUtcNow() + wait;
        while (true)
        {
            var arrival = queue.Arrival;
            var now = state.Time.GetUtcNow();
            var messages = queue.Receive(max, now);
            if (messages.Count > 0 || now >= deadline || ct.IsCancellationRequested)
            {
                return messages;
            }
            var until = deadline;
            if (queue.NextVisibility() is { } reappears && reappears < until)
            {
                until = reappears;
            }
            var delay = until - now;
            try
            {
                await Task.WhenAny(arrival, Task.Delay(delay < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : delay, state.Time, ct));
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }
    }
}
