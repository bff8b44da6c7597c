using Qunfa.Aliyun.Errors;
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
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

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
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var name = carrier.Current.IsConfigured ? queueName(carrier.Current) : null;
                if (name is null)
                {
                    await Task.Delay(Pause, ct);
                    continue;
                }
                var queue = new MnsQueue(messageType, name);
                await using var scope = scopes.CreateAsyncScope();
                var mns = scope.ServiceProvider.GetRequiredService<IAliyunMnsConsumer>();
                var messages = await mns.ReceiveAsync(queue, 16, 10, ct);
                if (messages.Count == 0) continue;
                var done = await handle(messages, scope.ServiceProvider, ct);
                if (done.Count > 0) await mns.DeleteAsync(queue, done, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is AliyunApiException or HttpRequestException or System.Text.Json.JsonException or InvalidOperationException)
            {
                logger.LogInformation("{Type} queue not readable now: {Message}", messageType, e.Message);
                await Task.Delay(Pause, ct);
            }
        }
    }
}
