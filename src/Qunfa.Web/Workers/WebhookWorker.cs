using Microsoft.Extensions.Options;
using Qunfa.Web.Features.Webhooks;
using Qunfa.Web.Infrastructure.Cluster;

namespace Qunfa.Web.Workers;

/// <summary>Fills the webhook outbox from settled records and replies, then sends what is due; one node of a cluster at a time, so a delivery goes out once and in order.</summary>
public sealed class WebhookWorker(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    ClusterLock cluster,
    IOptions<WebhookOptions> options,
    ILogger<WebhookWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await cluster.RunAloneAsync("webhooks", async ct =>
                {
                    await using (var scope = scopes.CreateAsyncScope())
                        await scope.ServiceProvider.GetRequiredService<WebhookOutbox>().CollectAsync(ct);
                    await sender.SendDueAsync(ct);
                }, stoppingToken);
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning(e, "Webhook pass failed; trying again");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }
}
