using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Statistics;

namespace Qunfa.Web.Features.Sending;

/// <summary>
/// Final states of recipients: each change is conditional on the record's current state, and a failure
/// refunds its segments to the grant that paid, once, in the same transaction (SPEC §2). Id lists go as one array
/// parameter (<see cref="EF.Parameter{T}"/>), not one SQL variable per id, which costs quadratic time to bind on SQLite.
/// </summary>
public sealed class RecordSettlement(QunfaDbContext db, IOptions<SendingOptions> options, TimeProvider time, RollupWriter rollups)
{
    private sealed record Settled(long Id, long TaskId, int GrantId, int Segments);

    /// <summary>Fails the given records if they are still in one of <paramref name="from"/>; returns how many changed.</summary>
    public async Task<int> FailAsync(IReadOnlyCollection<long> ids, RecipientStatus[] from, string? code, string? description, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.SendRecords.Where(r => EF.Parameter(ids).Contains(r.Id) && from.Contains(r.Status))
            .Select(r => new Settled(r.Id, r.TaskId, r.GrantId, r.Segments)).ToListAsync(ct);
        if (rows.Count == 0) return 0;
        var refund = options.Value.RefundFailed;
        var now = time.GetUtcNow();
        var rowIds = rows.Select(r => r.Id).ToList();
        var changed = await db.SendRecords.Where(r => EF.Parameter(rowIds).Contains(r.Id) && from.Contains(r.Status))
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RecipientStatus.Failed)
                .SetProperty(r => r.Code, Trim(code, 64))
                .SetProperty(r => r.Description, Trim(description, 200))
                .SetProperty(r => r.ReportedAt, now)
                .SetProperty(r => r.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(r => r.Refunded, refund), ct);
        if (changed != rows.Count)
        {
            // Someone settled some of them meanwhile; leave it to the next pass rather than refund wrongly.
            await transaction.RollbackAsync(ct);
            return 0;
        }
        // Grants and tasks in id order, as every settling transaction takes them, so that two never wait on each other.
        if (refund)
            foreach (var grant in rows.GroupBy(r => r.GrantId).OrderBy(g => g.Key))
            {
                var amount = grant.Sum(r => r.Segments);
                await db.PackageGrants.Where(g => g.Id == grant.Key)
                    .ExecuteUpdateAsync(u => u.SetProperty(g => g.Used, g => g.Used - amount), ct);
            }
        await AddToTasksAsync(rows.GroupBy(r => r.TaskId).Select(g => (g.Key, g.Count())), failed: true, ct);
        await rollups.AddAsync(rows.Select(r => (r.TaskId, new RollupDelta(Failed: 1, RefundedSegments: refund ? r.Segments : 0))), ct);
        // Completed in the same transaction: a stop between the commit and a later completion left a fully settled task open for good.
        await CompleteAsync(rows.Select(r => r.TaskId).Distinct(), ct);
        await transaction.CommitAsync(ct);
        return changed;
    }

    public async Task<int> DeliverAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        // One statement changes the rows and says which tasks they belong to (RETURNING), so the tallies count exactly
        // the rows this transaction changed, whatever another node settled meanwhile.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var postgres = db.Database.IsNpgsql();
        var command = PreparedCommands.Bind(db, postgres ? DeliverPostgres : DeliverSqlite,
            StoredTime.Of(postgres, time.GetUtcNow()), postgres ? ids.ToArray() : JsonSerializer.Serialize(ids));
        var perTask = new Dictionary<long, int>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                perTask[reader.GetInt64(0)] = perTask.GetValueOrDefault(reader.GetInt64(0)) + 1;
        if (perTask.Count == 0) return 0;
        await AddToTasksAsync(perTask.Select(t => (t.Key, t.Value)), failed: false, ct);
        await rollups.AddAsync(perTask.Select(t => (t.Key, new RollupDelta(Delivered: t.Value))), ct);
        await CompleteAsync(perTask.Keys, ct);
        await transaction.CommitAsync(ct);
        return perTask.Values.Sum();
    }

    // Ids go as one array (PostgreSQL) or one JSON array (SQLite), read by primary key (SqlitePlanTests, PostgresPlanTests).
    // PostgreSQL's statistics of a table analysed while a big task was all queued call 'Submitted' rare, and it would then
    // walk every submitted record through the status index for each batch; the status is compared as an expression that
    // no index holds, so the rows are found by their ids whatever the statistics say.
    internal const string DeliverPostgres = """
        UPDATE "SendRecords" SET "Status" = 'Delivered', "Code" = 'DELIVERED', "ReportedAt" = @p0, "NextAttemptAt" = NULL
        WHERE "Id" = ANY(@p1) AND ("Status" || '') = 'Submitted'
        RETURNING "TaskId"
        """;

    internal const string DeliverSqlite = """
        UPDATE "SendRecords" SET "Status" = 'Delivered', "Code" = 'DELIVERED', "ReportedAt" = @p0, "NextAttemptAt" = NULL
        WHERE "Id" IN (SELECT "value" FROM json_each(@p1)) AND "Status" = 'Submitted'
        RETURNING "TaskId"
        """;

    /// <summary>
    /// Cancels a task none of whose recipients has left: every queued recipient is refunded to its grant.
    /// Returns false (and changes nothing) if the dispatcher took any of them meanwhile.
    /// </summary>
    public async Task<bool> CancelAsync(long taskId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var perGrant = await db.SendRecords.Where(r => r.TaskId == taskId && r.Status == RecipientStatus.Queued)
            .GroupBy(r => r.GrantId).Select(g => new { GrantId = g.Key, Count = g.Count(), Segments = g.Sum(r => r.Segments) }).ToListAsync(ct);
        var total = await db.SendRecords.CountAsync(r => r.TaskId == taskId, ct);
        var now = time.GetUtcNow();
        var changed = await db.SendRecords.Where(r => r.TaskId == taskId && r.Status == RecipientStatus.Queued)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RecipientStatus.Cancelled)
                .SetProperty(r => r.Code, "CANCELLED")
                .SetProperty(r => r.Description, "任务已取消")
                .SetProperty(r => r.ReportedAt, now)
                .SetProperty(r => r.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(r => r.Refunded, true), ct);
        var cancelled = await db.SendTasks.Where(t => t.Id == taskId && t.Status == SendTaskStatus.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, SendTaskStatus.Cancelled).SetProperty(t => t.CompletedAt, now), ct);
        if (changed != total || changed != perGrant.Sum(g => g.Count) || cancelled != 1)
        {
            await transaction.RollbackAsync(ct);
            return false;
        }
        foreach (var grant in perGrant)
            await db.PackageGrants.Where(g => g.Id == grant.GrantId)
                .ExecuteUpdateAsync(u => u.SetProperty(g => g.Used, g => g.Used - grant.Segments), ct);
        await rollups.AddAsync([(taskId, new RollupDelta(Cancelled: changed, RefundedSegments: perGrant.Sum(g => (long)g.Segments)))], ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Adds settled counts to their tasks in one statement, not one per task — receipts for a thousand single sends are a
    /// thousand tasks with one record each, and a statement per task held the database for each of them. Tasks in id
    /// order, as every settling transaction takes them, so that two appliers on PostgreSQL never wait on each other.
    /// </summary>
    private async Task AddToTasksAsync(IEnumerable<(long TaskId, int Count)> counts, bool failed, CancellationToken ct)
    {
        var ordered = counts.OrderBy(c => c.TaskId).ToArray();
        if (ordered.Length == 0) return;
        var column = failed ? "\"FailedCount\"" : "\"DeliveredCount\"";
        if (db.Database.IsNpgsql())
            await PreparedCommands.ExecuteAsync(db, $"""
                UPDATE "SendTasks" AS t SET {column} = t.{column} + v.n
                FROM unnest(@p0::bigint[], @p1::integer[]) AS v(id, n) WHERE t."Id" = v.id
                """, ct, ordered.Select(c => c.TaskId).ToArray(), ordered.Select(c => c.Count).ToArray());
        else
            await PreparedCommands.ExecuteAsync(db, $"""
                UPDATE "SendTasks" SET {column} = {column} + v.n
                FROM (SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS n FROM json_each(@p0)) AS v
                WHERE "SendTasks"."Id" = v.id
                """, ct, JsonSerializer.Serialize(ordered.Select(c => new[] { c.TaskId, c.Count })));
    }

    /// <summary>
    /// A task is complete once none of its recipients can still change; one statement for all the tasks given. Its
    /// records are looked at only when the task's tallies say every number has an outcome, or when some number ended
    /// 未知 (the one outcome without a tally): on PostgreSQL that look walks the index entries every earlier update of
    /// the task's records left behind until vacuum, which cost each receipt batch of a million-number task 6.5 ms
    /// holding the task's row, while the other applier waited for it (docs/benchmarks.md, send-1m).
    /// </summary>
    public async Task CompleteAsync(IEnumerable<long> taskIds, CancellationToken ct)
    {
        var ids = taskIds.Distinct().ToArray();
        if (ids.Length == 0) return;
        var postgres = db.Database.IsNpgsql();
        await PreparedCommands.ExecuteAsync(db, postgres ? CompletePostgres : CompleteSqlite, ct,
            postgres ? ids : JsonSerializer.Serialize(ids), StoredTime.Of(postgres, time.GetUtcNow()));
    }

    private static string Complete(string tasks) => $"""
        UPDATE "SendTasks" SET "Status" = 'Completed', "CompletedAt" = @p1
        WHERE "Id" IN ({tasks}) AND "Status" = 'Queued'
            AND ("DeliveredCount" + "FailedCount" >= "NumberCount"
                OR EXISTS (SELECT 1 FROM "SendRecords" u WHERE u."TaskId" = "SendTasks"."Id" AND u."Status" = 'Unknown'))
            AND NOT EXISTS (SELECT 1 FROM "SendRecords" r
                WHERE r."TaskId" = "SendTasks"."Id" AND r."Status" IN ('Queued', 'Submitting', 'Submitted'))
        """;

    private static readonly string CompletePostgres = Complete("SELECT unnest(@p0::bigint[])");
    private static readonly string CompleteSqlite = Complete("""SELECT "value" FROM json_each(@p0)""");

    private static string? Trim(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
