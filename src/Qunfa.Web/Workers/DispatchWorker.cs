using Microsoft.Extensions.Options;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Sending.Dispatch;
using Qunfa.Web.Infrastructure.Cluster;

namespace Qunfa.Web.Workers;

/// <summary>
/// Claims due batches, as many at once as there are free slots, and keeps up to
/// <see cref="SendingOptions.Concurrency"/> carrier calls in flight; resolves unsettled claims and overdue receipts when it is not busy, and at least
/// every few seconds when it is. Claims are safe on every node (SKIP LOCKED); the lookups run on one node at a time.
/// </summary>
public sealed class DispatchWorker(
    Dispatcher dispatcher,
    ReceiptFollowUp followUp,
    DispatchSignal signal,
    CarrierPacer pacer,
    ClusterLock cluster,
    IOptions<SendingOptions> options,
    TimeProvider time,
    ILogger<DispatchWorker> logger) : BackgroundService
{
    private static readonly TimeSpan HousekeepingEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slots = new SemaphoreSlim(Math.Max(1, options.Value.Concurrency));
        var inFlight = new List<Task>();
        var lastHousekeeping = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var free = 1;
                while (slots.Wait(0)) free++;
                var turns = await pacer.TakeTurnsAsync(free, stoppingToken);
                if (turns < free)
                {
                    slots.Release(free - turns);
                    free = turns;
                }
                var claims = await TryAsync(ct => dispatcher.ClaimAsync(free, ct), stoppingToken) ?? [];
                if (free > claims.Count) slots.Release(free - claims.Count);
                if (claims.Count > 0)
                {
                    inFlight.RemoveAll(t => t.IsCompleted);
                    foreach (var claim in claims) inFlight.Add(SendAsync(claim, slots, stoppingToken));
                    if (time.GetUtcNow() - lastHousekeeping < HousekeepingEvery) continue;
                }

                lastHousekeeping = time.GetUtcNow();
                var handled = await TryAsync(HousekeepingAsync, stoppingToken);
                if (claims.Count == 0 && handled == 0) await signal.WaitAsync(options.Value.IdleDelay, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Calls cut short by the stop leave their claims for recovery; nothing is resent blindly.
        await Task.WhenAll(inFlight.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private async Task<int> HousekeepingAsync(CancellationToken ct)
    {
        var handled = 0;
        await cluster.RunAloneAsync("dispatch-housekeeping", async token => handled = await dispatcher.RecoverOnceAsync(token) + await followUp.RunOnceAsync(token), ct);
        return handled;
    }

    private async Task SendAsync(Dispatcher.Claim claim, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await dispatcher.SendAsync(claim, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Sending claim {Claim} failed; recovery will look it up", claim.Id);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<T?> TryAsync<T>(Func<CancellationToken, Task<T>> step, CancellationToken ct)
    {
        try
        {
            return await step(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Dispatch pass failed; trying again shortly");
            await Task.Delay(options.Value.IdleDelay, time, ct);
            return default;
        }
    }
}
