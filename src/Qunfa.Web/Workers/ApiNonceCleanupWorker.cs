using Qunfa.Web.Data;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Infrastructure.Cluster;

namespace Qunfa.Web.Workers;

/// <summary>Deletes nonces whose requests would be refused by their timestamp anyway, on one node of a cluster at a time.</summary>
public sealed class ApiNonceCleanupWorker(
    IServiceScopeFactory scopes,
    DatabaseReadiness readiness,
    ClusterLock cluster,
    TimeProvider time,
    ILogger<ApiNonceCleanupWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (readiness.IsReady) await cluster.RunAloneAsync("api-nonce-cleanup", RunOnceAsync, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "API nonce cleanup failed");
            }
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ApiNonceStore>();
        return await store.RemoveExpiredAsync(time.GetUtcNow(), ct);
    }
}
