using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Notifications;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Features.Messaging;

namespace Qunfa.Web.Workers;

/// <summary>Reads SignSmsReport and TemplateSmsReport and turns each report into a prompt check at the carrier.</summary>
public sealed class ReviewReportConsumer(IServiceScopeFactory scopes, CarrierState carrier, ILogger<ReviewReportConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            MnsQueueLoop.RunAsync(scopes, carrier, MnsQueue.SignSmsReport, async (messages, services, ct) =>
            {
                var read = ReadableMessages<string>.Parse(messages, m => m.ToSignReviewReport().SignName, MnsQueue.SignSmsReport, logger);
                await services.GetRequiredService<ReviewHints>().SignaturesAsync(read.Readable.Select(r => r.Body).ToList(), ct);
                return messages.Select(m => m.ReceiptHandle).ToList();
            }, logger, stoppingToken),
            MnsQueueLoop.RunAsync(scopes, carrier, MnsQueue.TemplateSmsReport, async (messages, services, ct) =>
            {
                var read = ReadableMessages<string>.Parse(messages, m => m.ToTemplateReviewReport().TemplateCode, MnsQueue.TemplateSmsReport, logger);
                await services.GetRequiredService<ReviewHints>().TemplatesAsync(read.Readable.Select(r => r.Body).ToList(), ct);
                return messages.Select(m => m.ReceiptHandle).ToList();
            }, logger, stoppingToken));
}
