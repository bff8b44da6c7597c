using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending;

namespace Qunfa.IntegrationTests;

/// <summary>
/// When a task is complete: none of its records can still change. The records are looked at only when the tallies say
/// every number has an outcome or some number ended 未知, the one outcome without a tally.
/// </summary>
public sealed class TaskCompletionTests
{
    public static TheoryData<DatabaseKind, string, int, bool> Cases()
    {
        var data = new TheoryData<DatabaseKind, string, int, bool>();
        foreach (var db in new[] { DatabaseKind.Sqlite, DatabaseKind.Postgres })
        {
            // Final states of the three records, the tallied outcomes, and whether the task is then complete.
            data.Add(db, "Delivered,Failed,Delivered", 3, true);
            data.Add(db, "Delivered,Submitted,Delivered", 2, false);
            data.Add(db, "Delivered,Unknown,Unknown", 1, true);
            data.Add(db, "Delivered,Unknown,Submitted", 1, false);
            // Tallies short of the outcomes (never written so): the records are not looked at.
            data.Add(db, "Delivered,Delivered,Delivered", 2, false);
            // Tallies ahead of the outcomes (never written so either): the records decide.
            data.Add(db, "Delivered,Queued,Delivered", 3, false);
        }
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task ATask_IsCompleteExactlyWhenNoRecordCanChange(DatabaseKind db, string states, int tallied, bool complete)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 100, new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" });
        var ct = TestContext.Current.CancellationToken;
        var taskId = (await SendingScenario.SendAsync(s, "13912340000\n13912340001\n13912340002")).Task!.TaskId;
        var wanted = states.Split(',').Select(Enum.Parse<RecipientStatus>).ToArray();
        await s.App.WithDbAsync(async d =>
        {
            var ids = await d.SendRecords.Where(r => r.TaskId == taskId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
            for (var i = 0; i < ids.Count; i++)
                await d.SendRecords.Where(r => r.Id == ids[i]).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, wanted[i]), ct);
            return await d.SendTasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(u => u.SetProperty(t => t.DeliveredCount, tallied), ct);
        });

        await using (var scope = s.App.Services.CreateAsyncScope())
        {
            // Inside a transaction, as settlement runs it (on SQLite that takes the writer's own statement path).
            await using var transaction = await scope.ServiceProvider.GetRequiredService<QunfaDbContext>().Database.BeginTransactionAsync(ct);
            await scope.ServiceProvider.GetRequiredService<RecordSettlement>().CompleteAsync([taskId], ct);
            await transaction.CommitAsync(ct);
        }

        var task = await s.App.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct));
        Assert.Equal(complete ? SendTaskStatus.Completed : SendTaskStatus.Queued, task.Status);
        Assert.Equal(complete, task.CompletedAt is not null);
    }
}
