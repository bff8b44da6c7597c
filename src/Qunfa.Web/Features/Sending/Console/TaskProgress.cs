using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Sending.Console;

/// <summary>
/// 发送详情's live figures: a task's recipients counted by status (from the (TaskId, Status) index), and whether the task
/// has settled so that the page can stop asking. Scoped to the customer: another customer's task is not found.
/// </summary>
public sealed class TaskProgress(QunfaDbContext db, OperatorClock clock)
{
    public sealed record Figures(
        long TaskId, string State, bool Settled, int Total,
        int Queued, int Submitted, int Delivered, int Failed, int Unknown, int Cancelled)
    {
        /// <summary>Settled numbers as a share of the task, computed here once for the page and for its script.</summary>
        public int Percent => Total == 0 ? 100 : (int)Math.Round(100.0 * (Delivered + Failed + Unknown + Cancelled) / Total);
    }

    public async Task<Figures?> LoadAsync(int customerId, long taskId, CancellationToken ct) =>
        await db.SendTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId && t.CustomerId == customerId, ct) is { } task
            ? await OfAsync(task, ct)
            : null;

    /// <summary>The figures of a task already read (and found to be the customer's).</summary>
    public async Task<Figures> OfAsync(SendTask task, CancellationToken ct)
    {
        var counts = await RecipientStatusCounts.OfTaskAsync(db, task.Id, ct);
        return new Figures(task.Id, CustomerSendQueries.Label(task, clock.UtcNow),
            task.Status is SendTaskStatus.Completed or SendTaskStatus.Cancelled, task.NumberCount,
            counts.Waiting, counts.Count(RecipientStatus.Submitted), counts.Count(RecipientStatus.Delivered),
            counts.Count(RecipientStatus.Failed), counts.Count(RecipientStatus.Unknown), counts.Count(RecipientStatus.Cancelled));
    }
}
