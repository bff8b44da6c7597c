using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Qunfa.Web.Data;

namespace Qunfa.Web.Features.Sending.Dispatch;

/// <summary>
/// Records the carrier's "accepted" answers of the calls in flight (Submitting → Submitted with the BizId), the answers
/// that arrive together in one write: one statement for all of them on PostgreSQL, on a connection of its own so that it
/// runs beside the claims' writer; on SQLite one prepared statement per claim inside a single group-commit unit, since
/// SQLite has one writer anyway. Each caller returns once its answer is committed; if the write fails, every caller of
/// that write gets the error and its claim stays Submitting until recovery looks it up (docs/decisions/0006).
/// </summary>
public sealed class SubmittedAnswers(IServiceScopeFactory scopes, GroupCommit groupCommit, IOptions<SendingOptions> options, TimeProvider time, ILogger<SubmittedAnswers> logger)
    : IAsyncDisposable
{
    private const int MaxAnswers = 256;
    private const int MaxAttempts = 3;

    private sealed record Answer(string ClaimId, string? BizId, TaskCompletionSource Done);

    private readonly Channel<Answer> _queue = Channel.CreateUnbounded<Answer>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _loop;

    public async Task RecordAsync(string claimId, string? bizId, CancellationToken ct)
    {
        lock (_gate) _loop ??= Task.Run(() => LoopAsync(_stop.Token));
        var answer = new Answer(claimId, bizId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(answer, ct);
        await answer.Done.Task.WaitAsync(ct);
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        var batch = new List<Answer>(MaxAnswers);
        while (await _queue.Reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            while (batch.Count < MaxAnswers && _queue.Reader.TryRead(out var answer)) batch.Add(answer);
            try
            {
                await WriteAsync(batch.Select(a => (a.ClaimId, a.BizId)).ToList(), ct);
                foreach (var answer in batch) answer.Done.TrySetResult();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Recording {Count} carrier answers failed; recovery will look their claims up", batch.Count);
                foreach (var answer in batch) answer.Done.TrySetException(e);
            }
        }
    }

    /// <summary>Writes the answers of several claims as one write (the loop's batch).</summary>
    internal async Task WriteAsync(IReadOnlyList<(string ClaimId, string? BizId)> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        if (!db.Database.IsNpgsql())
        {
            await groupCommit.RunAsync(async (writer, token) =>
            {
                var (now, next) = Times(postgres: false);
                foreach (var answer in batch)
                    await PreparedCommands.ExecuteAsync(writer, Sqlite, token, answer.BizId, now, next, answer.ClaimId);
                return 0;
            }, ct);
            return;
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var (now, next) = Times(postgres: true);
                await PreparedCommands.ExecuteAsync(db, Postgres, ct,
                    now, next, batch.Select(a => a.ClaimId).ToArray(), batch.Select(a => a.BizId).ToArray());
                await transaction.CommitAsync(ct);
                return;
            }
            // A receipt that proves the same claim reached the carrier may lock its rows in another order.
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < MaxAttempts)
            {
            }
        }
    }

    private (object Now, object Next) Times(bool postgres)
    {
        var now = time.GetUtcNow();
        // When a receipt is overdue the carrier is asked (ReceiptFollowUp).
        return (StoredTime.Of(postgres, now), StoredTime.Of(postgres, now + options.Value.ReceiptTimeout));
    }

    private const string Sqlite = """
        UPDATE "SendRecords" SET "Status" = 'Submitted', "BizId" = @p0, "SubmittedAt" = @p1, "NextAttemptAt" = @p2
        WHERE "ClaimId" = @p3 AND "Status" = 'Submitting'
        """;

    // The BizId of each row's claim is looked up in the parallel arrays (at most MaxAnswers entries). The rows are found
    // through the claim index whatever the statistics say of the status (see RecordSettlement.DeliverPostgres).
    private const string Postgres = """
        UPDATE "SendRecords" SET "Status" = 'Submitted', "SubmittedAt" = @p0, "NextAttemptAt" = @p1,
            "BizId" = (@p3::varchar[])[array_position(@p2::varchar[], "ClaimId")]
        WHERE "ClaimId" = ANY(@p2) AND ("Status" || '') = 'Submitting'
        """;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _queue.Writer.TryComplete();
        if (_loop is not null)
            try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
