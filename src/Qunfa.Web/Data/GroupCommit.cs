using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Infrastructure.Monitoring;

namespace Qunfa.Web.Data;

/// <summary>
/// Group commit for small writes that many requests make at once (a single-number send, a nonce): the units
/// waiting at the same moment run in one transaction, and every caller is answered only after the commit. A failing
/// unit rolls back alone: the batch then runs again with a savepoint per unit. A commit, not a row, is what costs
/// (one fsync); on SQLite it also replaces a queue of writers sleeping on the database lock with one writer. The units
/// may also share state and, on PostgreSQL, one batch of statements (<see cref="Shared"/>).
/// </summary>
public sealed class GroupCommit(IServiceScopeFactory scopes, IMeterFactory meters, ILogger<GroupCommit> logger) : IAsyncDisposable
{
    public const string BatchesInstrument = "qunfa.group_commit.batches";
    /// <summary>Units in one transaction at most, so that a burst still commits (and answers) in steps.</summary>
    public const int MaxUnits = 256;

    private const int MaxAttempts = 3;

    /// <summary>
    /// What the units of one batch share when it runs without savepoints: one <see cref="WriteBatch"/>, on PostgreSQL
    /// sent after the last unit, so a batch of sends costs a few round trips instead of a few per send; per-batch state
    /// (e.g. grants already read by an earlier unit); and statements added once every unit has run (one charge per
    /// grant, one rollup upsert per row, instead of one per send). Dropped with the attempt: a batch that rolls back runs
    /// again with savepoints and nothing shared.
    /// </summary>
    public sealed class Shared(WriteBatch write, int units)
    {
        private readonly Dictionary<Type, object> _state = [];
        private readonly List<Func<WriteBatch, CancellationToken, Task>> _beforeFlush = [];

        public WriteBatch Write => write;

        /// <summary>How many units the batch holds: an upper bound on what they may reserve together.</summary>
        public int Units => units;

        public T State<T>() where T : class, new()
        {
            if (!_state.TryGetValue(typeof(T), out var state)) _state[typeof(T)] = state = new T();
            return (T)state;
        }

        /// <summary>Adds statements once every unit has run, e.g. one update for what several units changed in one row.</summary>
        public void BeforeFlush(Func<WriteBatch, CancellationToken, Task> add) => _beforeFlush.Add(add);

        internal async Task FlushAsync(CancellationToken ct)
        {
            foreach (var add in _beforeFlush) await add(write, ct);
            await write.FlushAsync(ct);
        }
    }

    private interface IUnit
    {
        bool IsAnswered { get; }
        Task RunAsync(QunfaDbContext db, Shared? shared, CancellationToken ct);
        void Commit();
        void Fail(Exception e);
    }

    private sealed class Unit<T>(Func<QunfaDbContext, Shared?, CancellationToken, Task<T>> work) : IUnit
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private bool _ran;

        public Task<T> Done => _done.Task;
        public bool IsAnswered => _done.Task.IsCompleted;

        public async Task RunAsync(QunfaDbContext db, Shared? shared, CancellationToken ct)
        {
            _ran = false;
            _result = await work(db, shared, ct);
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
    // A batch run again with savepoints wrote everything twice: frequent reruns show a unit that keeps failing.
    private readonly Counter<long> _batches = meters.Create(QunfaMeter.Name)
        .CreateCounter<long>(BatchesInstrument, unit: "{batch}", description: "Group-commit transactions by how they ran: in one pass, or again with a savepoint per unit after a unit failed.");

    /// <summary>Units queued and not yet taken into a batch.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    private int _waiting;
    // The writer's context and connection live across batches, so its prepared statements (PreparedCommands) do too;
    // after a failed batch they are replaced, in case the connection is what failed.
    private AsyncServiceScope? _writerScope;
    private QunfaDbContext? _writer;

    /// <summary>
    /// Runs <paramref name="work"/> inside a shared transaction and returns its result once that transaction is
    /// committed. The work uses only the context it is given, leaves nothing tracked that it did not save, and
    /// must not itself wait for a group commit.
    /// </summary>
    public Task<T> RunAsync<T>(Func<QunfaDbContext, CancellationToken, Task<T>> work, CancellationToken ct) =>
        RunAsync<T>((db, _, token) => work(db, token), ct);

    /// <summary>
    /// As <see cref="RunAsync{T}(Func{QunfaDbContext, CancellationToken, Task{T}}, CancellationToken)"/>, for work that
    /// can add its statements to the batch's shared <see cref="WriteBatch"/> instead of sending them itself: it is given
    /// a <see cref="Shared"/> when the batch runs without savepoints, and must then leave the flush to the batch; given
    /// null, it flushes its own.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<QunfaDbContext, Shared?, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        lock (_gate) _loop ??= Task.Run(() => LoopAsync(_stop.Token));
        var unit = new Unit<T>(work);
        await _queue.Writer.WriteAsync(unit, ct);
        Interlocked.Increment(ref _waiting);
        // The caller may stop waiting, but a unit once queued is committed or failed with its batch.
        return await unit.Done.WaitAsync(ct);
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        var batch = new List<IUnit>(MaxUnits);
        while (await _queue.Reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            while (batch.Count < MaxUnits && _queue.Reader.TryRead(out var unit))
            {
                batch.Add(unit);
                Interlocked.Decrement(ref _waiting);
            }
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
        if (await TryRunWithoutSavepointsAsync(batch, ct))
        {
            _batches.Add(1, new KeyValuePair<string, object?>("pass", "one"));
            return;
        }
        await RunWithSavepointsAsync(batch, ct);
        _batches.Add(1, new KeyValuePair<string, object?>("pass", "savepoints"));
    }

    private async Task<bool> TryRunWithoutSavepointsAsync(List<IUnit> batch, CancellationToken ct)
    {
        var db = await WriterAsync(ct);
        var shared = new Shared(new WriteBatch(db), batch.Count);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var unit in batch)
        {
            try
            {
                await unit.RunAsync(db, shared, ct);
            }
            catch (Exception e) when (IsUnitFailure(e, ct))
            {
                LogRerun(batch.Count, e);
                await transaction.RollbackAsync(ct);
                return false;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        try
        {
            // A statement that affected other rows than its unit expected fails the batch as a failing unit would.
            await shared.FlushAsync(ct);
        }
        catch (Exception e) when (IsUnitFailure(e, ct))
        {
            LogRerun(batch.Count, e);
            await transaction.RollbackAsync(ct);
            return false;
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
                await batch[i].RunAsync(db, null, ct);
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

    private void LogRerun(int units, Exception e) =>
        logger.LogInformation("A unit of a group commit of {Count} failed ({Error}); the batch runs again with a savepoint per unit", units, e.GetBaseException().Message);

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
