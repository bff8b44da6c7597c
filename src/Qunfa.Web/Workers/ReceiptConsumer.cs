using Microsoft.Extensions.Options;
using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Notifications;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Features.Sending;

namespace Qunfa.Web.Workers;

/// <summary>Applies delivery reports (SmsReport) from the carrier's queue; one that matches nothing yet is left for a later read.</summary>
public sealed class ReceiptConsumer(
    IServiceScopeFactory scopes,
    ReceiptBatcher batcher,
    CarrierState carrier,
    IOptions<SendingOptions> options,
    ILogger<ReceiptConsumer> logger) : BackgroundService
{
    // A queue read returns at most 16 messages; several readers keep receipts flowing while one is applying.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.ReceiptReaders)).Select(_ => ReadAsync(stoppingToken)));

    private Task ReadAsync(CancellationToken stoppingToken) =>
        MnsQueueLoop.RunAsync(scopes, carrier, MnsQueue.SmsReport, async (messages, services, ct) =>
        {
            var results = await batcher.ApplyAsync(messages.Select(m => m.ToDeliveryReport()).ToList(), ct);
            var done = new List<string>();
            for (var i = 0; i < messages.Count; i++)
                if (results[i] != ReceiptApplier.Result.Unknown || messages[i].DequeueCount >= options.Value.MaxReceiptReads)
                    done.Add(messages[i].ReceiptHandle);
            return done;
        }, logger, stoppingToken);
}
