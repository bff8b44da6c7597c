using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Notifications;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Features.Messaging;

namespace Qunfa.Web.Workers;

/// <summary>
/// Reads SignSmsReport and TemplateSmsReport from the carrier's queues (named like the delivery-report
/// queue of AK 管理, with the other message type) and turns each report into a prompt check.
/// </summary>
public sealed class ReviewReportConsumer(
    IServiceScopeFactory scopes,
    CarrierState carrier,
    ILogger<ReviewReportConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            ConsumeAsync(MnsQueue.SignSmsReport, async (body, hints, ct) => await hints.SignaturesAsync([SignSmsReportParser.Parse(body).SignName], ct), stoppingToken),
            ConsumeAsync(MnsQueue.TemplateSmsReport, async (body, hints, ct) => await hints.TemplatesAsync([TemplateSmsReportParser.Parse(body).TemplateCode], ct), stoppingToken));

    public static string? QueueNameFor(string reportQueueName, string messageType) =>
        reportQueueName.EndsWith(MnsQueue.SmsReport, StringComparison.Ordinal)
            ? reportQueueName[..^MnsQueue.SmsReport.Length] + messageType
            : null;

    private async Task ConsumeAsync(string messageType, Func<string, ReviewHints, CancellationToken, Task> apply, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var name = carrier.Current.IsConfigured ? QueueNameFor(carrier.Current.ReportQueueName, messageType) : null;
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
                var hints = scope.ServiceProvider.GetRequiredService<ReviewHints>();
                foreach (var message in messages)
                    await apply(message.Body, hints, ct);
                await mns.DeleteAsync(queue, messages.Select(m => m.ReceiptHandle).ToList(), ct);
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
