using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Notifications;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Features.Replies;

namespace Qunfa.Web.Workers;

/// <summary>
/// Stores the handsets' replies (SmsUp) from the 上行消息队列 of AK 管理; a reply read twice is stored once,
/// and one the ingestion refuses (no content) is deleted too, since reading it again changes nothing.
/// </summary>
public sealed class ReplyConsumer(IServiceScopeFactory scopes, CarrierState carrier, ILogger<ReplyConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        MnsQueueLoop.RunAsync(scopes, carrier, MnsQueue.SmsUp,
            snapshot => string.IsNullOrWhiteSpace(snapshot.InboundQueueName) ? null : snapshot.InboundQueueName,
            async (messages, services, ct) =>
            {
                var ingestion = services.GetRequiredService<ReplyIngestion>();
                var read = ReadableMessages<InboundMessage>.Parse(messages, m => m.ToInboundMessage(), MnsQueue.SmsUp, logger);
                var done = new List<string>(read.Unreadable);
                foreach (var (message, reply) in read.Readable)
                {
                    await ingestion.StoreAsync(reply, ct);
                    done.Add(message.ReceiptHandle);
                }
                return done;
            }, logger, stoppingToken);
}
