using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Domain.Statistics;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Statistics;

/// <summary>Recomputes every rollup row from the recipient records, in one transaction.</summary>
public sealed class RollupRebuild(QunfaDbContext db, OperatorClock clock)
{
    /// <summary>Returns the number of rollup rows written.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Settlements that commit after this lock add their change on top of what is read below;
            // those that committed before are read below. (SQLite has one writer at a time anyway.)
            if (db.Database.GetDbConnection() is NpgsqlConnection)
                await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "SendRollups" IN EXCLUSIVE MODE""", ct);
            await db.SendRollups.ExecuteDeleteAsync(ct);

            var tasks = await db.SendTasks.AsNoTracking()
                .Select(t => new SendTask
                {
                    Id = t.Id, CustomerId = t.CustomerId, SignName = t.SignName, TemplateCode = t.TemplateCode, TemplateName = t.TemplateName,
                    TemplateType = t.TemplateType, Category = t.Category, CreatedAt = t.CreatedAt, ScheduledAt = t.ScheduledAt,
                })
                .ToDictionaryAsync(t => t.Id, t => RollupKey.Of(t, clock), ct);
            var groups = db.SendRecords.AsNoTracking()
                .GroupBy(r => new { r.TaskId, r.Status, r.Refunded })
                .Select(g => new { g.Key.TaskId, g.Key.Status, g.Key.Refunded, Count = g.LongCount(), Segments = g.Sum(r => (long)r.Segments) })
                .AsAsyncEnumerable();
            var perKey = new SortedDictionary<RollupKey, RollupDelta>();
            await foreach (var g in groups.WithCancellation(ct))
            {
                if (!tasks.TryGetValue(g.TaskId, out var key)) continue;
                var delta = new RollupDelta(
                    Numbers: g.Count,
                    Delivered: g.Status == RecipientStatus.Delivered ? g.Count : 0,
                    Failed: g.Status == RecipientStatus.Failed ? g.Count : 0,
                    Unknown: g.Status == RecipientStatus.Unknown ? g.Count : 0,
                    Cancelled: g.Status == RecipientStatus.Cancelled ? g.Count : 0,
                    Segments: g.Segments,
                    RefundedSegments: g.Refunded ? g.Segments : 0);
                perKey[key] = perKey.GetValueOrDefault(key) + delta;
            }

            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var chunk in perKey.Chunk(2000))
            {
                db.SendRollups.AddRange(chunk.Select(kv => Row(kv.Key, kv.Value)));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(ct);
            return perKey.Count;
        }
        finally
        {
            // Contexts are pooled: what this one changed must not reach the next user of it.
            db.Database.SetCommandTimeout(timeout);
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private static SendRollup Row(RollupKey k, RollupDelta d) => new()
    {
        Day = k.Day, CustomerId = k.CustomerId, SignName = k.SignName, TemplateCode = k.TemplateCode, TemplateName = k.TemplateName,
        TemplateType = k.TemplateType, Category = k.Category,
        Numbers = d.Numbers, Delivered = d.Delivered, Failed = d.Failed, Unknown = d.Unknown, Cancelled = d.Cancelled,
        Segments = d.Segments, RefundedSegments = d.RefundedSegments,
    };
}
