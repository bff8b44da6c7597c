using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Notifications;

namespace Qunfa.Web.Features.Sending;

/// <summary>
/// Group commit for receipts: what several queue readers bring at the same moment is applied in one
/// batch (one transaction per outcome) instead of one per read, since a commit, not a row, is what costs.
/// On PostgreSQL two batches are applied at once: a batch's time there is its rows' updates, which one server
/// backend runs one after another, and a second one uses the other core (SQLite has one writer anyway).
/// </summary>
public sealed class ReceiptBatcher(IServiceScopeFactory scopes, ILogger<ReceiptBatcher> logger) : IAsyncDisposable
{
    private const int MaxBatch = 4000;
    private const int PostgresAppliers = 2;

    private sealed record Pending(IReadOnlyList<DeliveryReport> Reports, TaskCompletionSource<IReadOnlyList<ReceiptApplier.Result>> Done);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _loop;

    public async Task<IReadOnlyList<ReceiptApplier.Result>> ApplyAsync(IReadOnlyList<DeliveryReport> reports, CancellationToken ct)
    {
        lock (_gate) _loop ??= Task.Run(() => StartAsync(_stop.Token));
        var pending = new Pending(reports, new TaskCompletionSource<IReadOnlyList<ReceiptApplier.Result>>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task.WaitAsync(ct);
    }

    private async Task StartAsync(CancellationToken ct)
    {
        int appliers;
        await using (var scope = scopes.CreateAsyncScope())
            appliers = scope.ServiceProvider.GetRequiredService<Data.QunfaDbContext>().Database.IsNpgsql() ? PostgresAppliers : 1;
        await Task.WhenAll(Enumerable.Range(0, appliers).Select(_ => Task.Run(() => RunAsync(ct), ct)));
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (await _queue.Reader.WaitToReadAsync(ct))
        {
            var batch = new List<Pending>();
            var count = 0;
            while (count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                count += next.Reports.Count;
            }
            if (batch.Count == 0) continue; // the other applier took them
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var results = await scope.ServiceProvider.GetRequiredService<ReceiptApplier>()
                    .ApplyAsync(batch.SelectMany(p => p.Reports).ToList(), ct);
                var offset = 0;
                foreach (var pending in batch)
                {
                    pending.Done.TrySetResult(results.Skip(offset).Take(pending.Reports.Count).ToList());
                    offset += pending.Reports.Count;
                }
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Applying {Count} receipts failed; their messages come back after the visibility timeout", count);
                foreach (var pending in batch) pending.Done.TrySetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _queue.Writer.TryComplete();
        if (_loop is not null)
            try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
