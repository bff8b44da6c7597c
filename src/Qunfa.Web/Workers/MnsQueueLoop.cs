using System.Diagnostics;
using Qunfa.Aliyun.Mns;
using Qunfa.Web.Features.Carrier;

namespace Qunfa.Web.Workers;

/// <summary>
/// Long-polls one of the carrier's queues (named like the delivery-report queue of AK 管理, with the
/// given message type) and deletes what the handler says it is done with; the rest comes back after
/// the queue's visibility timeout.
/// </summary>
public static class MnsQueueLoop
{
    private static readonly TimeSpan Unconfigured = TimeSpan.FromSeconds(5);

    private const int WaitSeconds = 10;

    /// <summary>An empty answer sooner than this was not a long poll held by the server.</summary>
    private static readonly TimeSpan ShortestHeldPoll = TimeSpan.FromSeconds(WaitSeconds / 2.0);

    public static string? QueueNameFor(string reportQueueName, string messageType) =>
        reportQueueName.EndsWith(MnsQueue.SmsReport, StringComparison.Ordinal)
            ? reportQueueName[..^MnsQueue.SmsReport.Length] + messageType
            : null;

    public static Task RunAsync(
        IServiceScopeFactory scopes,
        CarrierState carrier,
        string messageType,
        Func<IReadOnlyList<MnsMessage>, IServiceProvider, CancellationToken, Task<IReadOnlyCollection<string>>> handle,
        ILogger logger,
        CancellationToken ct) =>
        RunAsync(scopes, carrier, messageType, snapshot => QueueNameFor(snapshot.ReportQueueName, messageType), handle, logger, ct);

    /// <summary>Reads the queue <paramref name="queueName"/> picks from the current account (null: none configured).</summary>
    public static async Task RunAsync(
        IServiceScopeFactory scopes,
        CarrierState carrier,
        string messageType,
        Func<CarrierSnapshot, string?> queueName,
        Func<IReadOnlyList<MnsMessage>, IServiceProvider, CancellationToken, Task<IReadOnlyCollection<string>>> handle,
        ILogger logger,
        CancellationToken ct)
    {
        var backoff = new PollBackoff();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var name = carrier.Current.IsConfigured ? queueName(carrier.Current) : null;
                if (name is null)
                {
                    await Task.Delay(Unconfigured, ct);
                    continue;
                }
                var queue = new MnsQueue(messageType, name);
                await using var scope = scopes.CreateAsyncScope();
                var mns = scope.ServiceProvider.GetRequiredService<IAliyunMnsConsumer>();
                var started = Stopwatch.GetTimestamp();
                var messages = await mns.ReceiveAsync(queue, 16, WaitSeconds, ct);
                if (messages.Count == 0)
                {
                    // Without the server holding the request, asking again at once would spin on an empty queue.
                    if (Stopwatch.GetElapsedTime(started) >= ShortestHeldPoll) Recovered(backoff, messageType, logger);
                    else await PauseAfterAsync(backoff, messageType, "answered an empty receive at once (no long poll)", logger, ct);
                    continue;
                }
                Recovered(backoff, messageType, logger);
                var done = await handle(messages, scope.ServiceProvider, ct);
                if (done.Count > 0) await mns.DeleteAsync(queue, done, ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever failed (the queue, the database, a handler), the loop stays alive and asks again later.
                await PauseAfterAsync(backoff, messageType, "could not be read: " + e.Message, logger, ct);
            }
        }
    }

    private static Task PauseAfterAsync(PollBackoff backoff, string messageType, string what, ILogger logger, CancellationToken ct)
    {
        var pause = backoff.Next();
        if (backoff.Streak == 1)
            logger.LogWarning("{Type} queue {What}; asking again after growing pauses of up to {Longest}", messageType, what, PollBackoff.Longest);
        else
            logger.LogDebug("{Type} queue {What}; pause {Pause} (#{Streak})", messageType, what, pause, backoff.Streak);
        return Task.Delay(pause, ct);
    }

    private static void Recovered(PollBackoff backoff, string messageType, ILogger logger)
    {
        if (backoff.Streak == 0) return;
        logger.LogInformation("{Type} queue answers normally again after {Streak} pauses", messageType, backoff.Streak);
        backoff.Reset();
    }
}
