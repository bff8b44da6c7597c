using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Qunfa.Web.Data;

/// <summary>
/// Group commit for small writes that many requests make at once (a single-number send, a nonce): the units
/// waiting at the same moment run in one transaction, each inside its own savepoint so that one failing unit
/// rolls back alone, and every caller is answered only after the commit. A commit, not a row, is what costs
/// (one fsync); on SQLite it also replaces a queue of writers sleeping on the database lock with one writer.
/// </summary>
public sealed class GroupCommit(IServiceScopeFactory scopes, ILogger<GroupCommit> logger) : IAsyncDisposable
{
    /// <summary>Units in one transaction at most, so that a burst still commits (and answers) in steps.</summary>
    public const int MaxUnits = 256;

    private interface IUnit
    {
        Task RunAsync(QunfaDbContext db, CancellationToken ct);
        void Commit();
        void Fail(Exception e);
    }

    private sealed class Unit<T>(Func<QunfaDbContext, CancellationToken, Task<T>> work) : IUnit
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private bool _ran;

        public Task<T> Done => _done.Task;

        public async Task RunAsync(QunfaDbContext db, CancellationToken ct)
        {
            _result = await work(db, ct);
            _ran = true;
        }

        public void Commit()
        {
            if (_ran) _done.TrySetResult(_result!);
        }

        public void Fail(Exception e) => _done.TrySetException(e);
    }

    private readonly Channel<IUnit> _queue = Channel.CreateUnbounded<IUnit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _loop;

    /// <summary>
    /// Runs <paramref name="work"/> inside a shared transaction and returns its result once that transaction is
    /// committed. The work uses only the context it is given, leaves nothing tracked that it did not save, and
    /// must not itself wait for a group commit.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<QunfaDbContext, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        lock (_gate) _loop ??= Task.Run(() => LoopAsync(_stop.Token));
        var unit = new Unit<T>(work);
        await _queue.Writer.WriteAsync(unit, ct);
        // The caller may stop waiting, but a unit once queued is committed or failed with its batch.
        return await unit.Done.WaitAsync(ct);
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        var batch = new List<IUnit>(MaxUnits);
        while (await _queue.Reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            while (batch.Count < MaxUnits && _queue.Reader.TryRead(out var unit)) batch.Add(unit);
            try
            {
                await RunBatchAsync(batch, ct);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A group commit of {Count} units failed; none of them was written", batch.Count);
                foreach (var unit in batch) unit.Fail(e);
            }
        }
    }

    private async Task RunBatchAsync(List<IUnit> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < batch.Count; i++)
        {
            var savepoint = "u" + i;
            await transaction.CreateSavepointAsync(savepoint, ct);
            try
            {
                await batch[i].RunAsync(db, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await transaction.RollbackToSavepointAsync(savepoint, ct);
                batch[i].Fail(e);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        await transaction.CommitAsync(ct);
        foreach (var unit in batch) unit.Commit();
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
