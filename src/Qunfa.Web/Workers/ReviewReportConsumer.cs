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
                await services.GetRequiredService<ReviewHints>().SignaturesAsync(messages.Select(m => SignSmsReportParser.Parse(m.Body).SignName).ToList(), ct);
                return messages.Select(m => m.ReceiptHandle).ToList();
            }, logger, stoppingToken),
            MnsQueueLoop.RunAsync(scopes, carrier, MnsQueue.TemplateSmsReport, async (messages, services, ct) =>
            {
                await services.GetRequiredService<ReviewHints>().TemplatesAsync(messages.Select(m => TemplateSmsReportParser.Parse(m.Body).TemplateCode).ToList(), ct);
                return messages.Select(m => m.ReceiptHandle).ToList();
            }, logger, stoppingToken));
}
