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
            var read = ReadableMessages<DeliveryReport>.Parse(messages, m => m.ToDeliveryReport(), MnsQueue.SmsReport, logger);
            var done = new List<string>(read.Unreadable);
            if (read.Readable.Count == 0) return done;
            var results = await batcher.ApplyAsync(read.Readable.Select(r => r.Body).ToList(), ct);
            for (var i = 0; i < read.Readable.Count; i++)
            {
                var message = read.Readable[i].Message;
                if (results[i] != ReceiptApplier.Result.Unknown || message.DequeueCount >= options.Value.MaxReceiptReads)
                    done.Add(message.ReceiptHandle);
            }
            return done;
        }, logger, stoppingToken);
}
