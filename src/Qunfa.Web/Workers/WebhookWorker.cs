using Microsoft.Extensions.Options;
using Qunfa.Web.Features.Webhooks;

namespace Qunfa.Web.Workers;

/// <summary>Fills the webhook outbox from settled records and replies, then sends what is due.</summary>
public sealed class WebhookWorker(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    ILogger<WebhookWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                    await scope.ServiceProvider.GetRequiredService<WebhookOutbox>().CollectAsync(stoppingToken);
                await sender.SendDueAsync(stoppingToken);
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogWarning(e, "Webhook pass failed; trying again");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }
}
