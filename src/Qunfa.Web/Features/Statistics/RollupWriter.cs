using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Domain.Statistics;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Statistics;

/// <summary>
/// Adds to the daily rollups inside the caller's transaction: one upsert per rollup row touched, whatever
/// the number of records behind it, in key order. Acceptance and settlement add to rows of their own
/// (<see cref="SendRollup.Slot"/>), so that neither waits for the other's lock.
/// </summary>
public sealed class RollupWriter(QunfaDbContext db, OperatorClock clock)
{
    /// <summary>A task just accepted: its numbers and charged segments.</summary>
    public Task AcceptedAsync(SendTask task, CancellationToken ct) =>
        UpsertAsync(RollupKey.Of(task, clock), SendRollup.AcceptedSlot, AcceptedDelta(task), ct);

    /// <summary>The statement <see cref="AcceptedAsync"/> runs, for a caller that batches its statements (WriteBatch).</summary>
    public (string Sql, object?[] Values) Accepted(SendTask task) => (Upsert, Values(RollupKey.Of(task, clock), SendRollup.AcceptedSlot, AcceptedDelta(task)));

    private static RollupDelta AcceptedDelta(SendTask task) => new(Numbers: task.NumberCount, Segments: task.BilledSegments);

    /// <summary>
    /// The rollup changes of a group-commit batch's sends (<see cref="GroupCommit.Shared"/>): they add to the
    /// same few rows, and go as one upsert per row after the last unit, in key order, instead of one per send — each of
    /// which made a new version of the row.
    /// </summary>
    public sealed class Held
    {
        private readonly SortedDictionary<RollupKey, RollupDelta> _changes = [];

        public void Accepted(GroupCommit.Shared shared, SendTask task, OperatorClock clock)
        {
            if (_changes.Count == 0) shared.BeforeFlush(AddAsync);
            var key = RollupKey.Of(task, clock);
            _changes[key] = _changes.GetValueOrDefault(key) + AcceptedDelta(task);
        }

        private async Task AddAsync(WriteBatch write, CancellationToken ct)
        {
            foreach (var (key, delta) in _changes) await write.AddAsync(Upsert, Values(key, SendRollup.AcceptedSlot, delta), ct);
        }
    }

    /// <summary>Changes that happened to records of the given tasks (each task may appear several times).</summary>
    public async Task AddAsync(IEnumerable<(long TaskId, RollupDelta Delta)> changes, CancellationToken ct)
    {
        var perTask = new Dictionary<long, RollupDelta>();
        foreach (var (taskId, delta) in changes)
            if (!delta.IsZero) perTask[taskId] = perTask.GetValueOrDefault(taskId) + delta;
        if (perTask.Count == 0) return;
        var ids = perTask.Keys.ToList();
        var tasks = await db.SendTasks.AsNoTracking().Where(t => EF.Parameter(ids).Contains(t.Id))
            .Select(t => new { t.Id, t.CustomerId, t.SignName, t.TemplateCode, t.TemplateName, t.TemplateType, t.Category, t.CreatedAt, t.ScheduledAt })
            .ToListAsync(ct);
        var perKey = new SortedDictionary<RollupKey, RollupDelta>();
        foreach (var t in tasks)
        {
            var key = new RollupKey(RollupKey.SendDay(t.ScheduledAt, t.CreatedAt, clock), t.CustomerId, t.SignName, t.TemplateCode, t.TemplateName, t.TemplateType, t.Category);
            perKey[key] = perKey.GetValueOrDefault(key) + perTask[t.Id];
        }
        foreach (var (key, delta) in perKey) await UpsertAsync(key, SendRollup.SettledSlot, delta, ct);
    }

    private const string Upsert = """
        INSERT INTO "SendRollups" ("Day", "CustomerId", "SignName", "TemplateCode", "TemplateName", "TemplateType", "Category",
            "Slot", "Numbers", "Delivered", "Failed", "Unknown", "Cancelled", "Segments", "RefundedSegments")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14)
        ON CONFLICT ("Day", "CustomerId", "SignName", "TemplateCode", "TemplateName", "TemplateType", "Category", "Slot") DO UPDATE SET
            "Numbers" = "SendRollups"."Numbers" + excluded."Numbers",
            "Delivered" = "SendRollups"."Delivered" + excluded."Delivered",
            "Failed" = "SendRollups"."Failed" + excluded."Failed",
            "Unknown" = "SendRollups"."Unknown" + excluded."Unknown",
            "Cancelled" = "SendRollups"."Cancelled" + excluded."Cancelled",
            "Segments" = "SendRollups"."Segments" + excluded."Segments",
            "RefundedSegments" = "SendRollups"."RefundedSegments" + excluded."RefundedSegments"
        """;

    private Task UpsertAsync(RollupKey k, short slot, RollupDelta d, CancellationToken ct) => PreparedCommands.ExecuteAsync(db, Upsert, ct, Values(k, slot, d));

    private static object?[] Values(RollupKey k, short slot, RollupDelta d) =>
    [
        k.Day, k.CustomerId, k.SignName, k.TemplateCode, k.TemplateName, k.TemplateType.ToString(), k.Category.ToString(), slot,
        d.Numbers, d.Delivered, d.Failed, d.Unknown, d.Cancelled, d.Segments, d.RefundedSegments,
    ];
}
