using Microsoft.Extensions.Options;
using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Notifications;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Features.Sending;

namespace Qunfa.Web.Workers;

/// <summary>Applies delivery reports (SmsReport) from the carrier's queue; one that matches nothing yet is left for a later read.</summary>
public sealed class ReceiptConsumer(
    IServiceScopeFactory scopes,
    CarrierState carrier,
    IOptions<SendingOptions> options,
    ILogger<ReceiptConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        MnsQueueLoop.RunAsync(scopes, carrier, MnsQueue.SmsReport, async (messages, services, ct) =>
        {
            var applier = services.GetRequiredService<ReceiptApplier>();
            var done = new List<string>();
            foreach (var message in messages)
            {
                var result = await applier.ApplyAsync(message.ToDeliveryReport(), ct);
                if (result != ReceiptApplier.Result.Unknown || message.DequeueCount >= options.Value.MaxReceiptReads)
                    done.Add(message.ReceiptHandle);
            }
            return done;
        }, logger, stoppingToken);
}
