using Qunfa.Web.Data;

namespace Qunfa.Web.Features.AlibabaCompat;

/// <summary>Deletes expired signature nonces now and then; harmless on several nodes at once.</summary>
public sealed class NonceCleanupWorker(IServiceScopeFactory scopes, DatabaseReadiness readiness, TimeProvider time, ILogger<NonceCleanupWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (readiness.IsReady)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var removed = await scope.ServiceProvider.GetRequiredService<NonceStore>().PurgeAsync(time.GetUtcNow(), stoppingToken);
                    if (removed > 0) logger.LogDebug("Removed {Count} expired signature nonces", removed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Signature nonce cleanup failed");
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
}
