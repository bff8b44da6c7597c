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
        int Queued, int Submitted, int Delivered, int Failed, int Unknown, int Cancelled);

    public async Task<Figures?> LoadAsync(int customerId, long taskId, CancellationToken ct)
    {
        var task = await db.SendTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId && t.CustomerId == customerId, ct);
        if (task is null) return null;
        var counts = await RecipientStatusCounts.OfTaskAsync(db, taskId, ct);
        return new Figures(task.Id, CustomerSendQueries.Label(task, clock.UtcNow),
            task.Status is SendTaskStatus.Completed or SendTaskStatus.Cancelled, task.NumberCount,
            counts.Waiting, counts.Count(RecipientStatus.Submitted), counts.Count(RecipientStatus.Delivered),
            counts.Count(RecipientStatus.Failed), counts.Count(RecipientStatus.Unknown), counts.Count(RecipientStatus.Cancelled));
    }
}
