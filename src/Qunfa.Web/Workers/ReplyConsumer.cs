using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Notifications;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Features.Replies;

namespace Qunfa.Web.Workers;

/// <summary>Stores the handsets' replies (SmsUp) from the 上行消息队列 of AK 管理; a reply read twice is stored once.</summary>
public sealed class ReplyConsumer(IServiceScopeFactory scopes, CarrierState carrier, ILogger<ReplyConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        MnsQueueLoop.RunAsync(scopes, carrier, MnsQueue.SmsUp,
            snapshot => string.IsNullOrWhiteSpace(snapshot.InboundQueueName) ? null : snapshot.InboundQueueName,
            async (messages, services, ct) =>
            {
                var ingestion = services.GetRequiredService<ReplyIngestion>();
                var done = new List<string>();
                foreach (var message in messages)
                {
                    InboundMessage reply;
                    try
                    {
                        reply = message.ToInboundMessage();
                    }
                    catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
                    {
                        // Unreadable now means unreadable on every later read: drop it rather than block the queue.
                        logger.LogWarning("Dropping an unreadable SmsUp message {Id}: {Message}", message.MessageId, e.Message);
                        done.Add(message.ReceiptHandle);
                        continue;
                    }
                    await ingestion.StoreAsync(reply, ct);
                    done.Add(message.ReceiptHandle);
                }
                return done;
            }, logger, stoppingToken);
}
