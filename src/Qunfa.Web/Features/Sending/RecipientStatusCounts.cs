using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.Web.Features.Sending;

/// <summary>A task's recipients counted per 发送状态, with their segments: one GROUP BY on the (TaskId, Status) index.</summary>
public sealed class RecipientStatusCounts
{
    private readonly Dictionary<RecipientStatus, (int Count, long Segments)> _byStatus;

    private RecipientStatusCounts(Dictionary<RecipientStatus, (int, long)> byStatus) => _byStatus = byStatus;

    public static async Task<RecipientStatusCounts> OfTaskAsync(QunfaDbContext db, long taskId, CancellationToken ct) =>
        new(await db.SendRecords.AsNoTracking()
            .Where(r => r.TaskId == taskId)
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Segments = g.Sum(r => (long)r.Segments) })
            .ToDictionaryAsync(g => g.Status, g => (g.Count, g.Segments), ct));

    public int Count(params RecipientStatus[] statuses) => statuses.Sum(s => _byStatus.GetValueOrDefault(s).Count);

    public long Segments(RecipientStatus status) => _byStatus.GetValueOrDefault(status).Segments;

    /// <summary>Not yet handed to the carrier: waiting, or claimed by a sender that has not answered.</summary>
    public int Waiting => Count(RecipientStatus.Queued, RecipientStatus.Submitting);
}
