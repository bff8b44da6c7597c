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

    private const int MaxAttempts = 3;

    private interface IUnit
    {
        bool IsAnswered { get; }
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
        public bool IsAnswered => _done.Task.IsCompleted;

        public async Task RunAsync(QunfaDbContext db, CancellationToken ct)
        {
            _ran = false;
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
    // The writer's context and connection live across batches, so its prepared statements (PreparedCommands) do too;
    // after a failed batch they are replaced, in case the connection is what failed.
    private AsyncServiceScope? _writerScope;
    private QunfaDbContext? _writer;

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
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await RunBatchAsync(batch, ct);
                    break;
                }
                catch (Exception e) when (attempt < MaxAttempts && IsTransient(e))
                {
                    // A deadlock with another node's transaction aborts the whole batch: run its units again.
                    logger.LogInformation("A group commit of {Count} units met {Error}; running it again", batch.Count, e.GetBaseException().Message);
                    batch.RemoveAll(u => u.IsAnswered);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "A group commit of {Count} units failed; none of them was written", batch.Count);
                    foreach (var unit in batch) unit.Fail(e);
                    await ReleaseWriterAsync();
                    break;
                }
            }
        }
    }

    private async Task RunBatchAsync(List<IUnit> batch, CancellationToken ct)
    {
        // A unit rarely fails, and a savepoint per unit is a statement (a round trip on PostgreSQL) per unit: the batch
        // runs without them, and only when a unit fails is it run again with one savepoint each.
        if (!await TryRunWithoutSavepointsAsync(batch, ct)) await RunWithSavepointsAsync(batch, ct);
    }

    private async Task<bool> TryRunWithoutSavepointsAsync(List<IUnit> batch, CancellationToken ct)
    {
        var db = await WriterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var unit in batch)
        {
            try
            {
                await unit.RunAsync(db, ct);
            }
            catch (Exception e) when (IsUnitFailure(e, ct))
            {
                await transaction.RollbackAsync(ct);
                return false;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        await transaction.CommitAsync(ct);
        foreach (var unit in batch) unit.Commit();
        return true;
    }

    private async Task RunWithSavepointsAsync(List<IUnit> batch, CancellationToken ct)
    {
        var db = await WriterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < batch.Count; i++)
        {
            var savepoint = "u" + i;
            await transaction.CreateSavepointAsync(savepoint, ct);
            try
            {
                await batch[i].RunAsync(db, ct);
            }
            catch (Exception e) when (IsUnitFailure(e, ct))
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

    /// <summary>A failure of the unit itself, answered to its caller; a stop or a transient error ends the whole batch instead.</summary>
    private static bool IsUnitFailure(Exception e, CancellationToken ct) =>
        (e is not OperationCanceledException || !ct.IsCancellationRequested) && !IsTransient(e);

    private async Task<QunfaDbContext> WriterAsync(CancellationToken ct)
    {
        if (_writer is not null) return _writer;
        var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        try
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
        (_writerScope, _writer) = (scope, db);
        return db;
    }

    private async Task ReleaseWriterAsync()
    {
        var scope = _writerScope;
        (_writerScope, _writer) = (null, null);
        if (scope is { } owned)
            try { await owned.DisposeAsync(); }
            catch (Exception e) { logger.LogDebug(e, "Closing the group commit's connection failed"); }
    }

    private static bool IsTransient(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            if (inner is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected or Npgsql.PostgresErrorCodes.SerializationFailure })
                return true;
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _queue.Writer.TryComplete();
        if (_loop is not null)
            try { await _loop; } catch (OperationCanceledException) { }
        await ReleaseWriterAsync();
        _stop.Dispose();
    }
}
