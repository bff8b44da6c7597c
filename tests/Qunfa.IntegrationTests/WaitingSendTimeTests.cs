using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.IntegrationTests;

/// <summary>发送时间 of numbers that still wait (待发送) on the customer's 发送详情.</summary>
public sealed class WaitingSendTimeTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ClaimedNumbers_ShowWhenTheyWentOut_NotTheClaimsRecoveryDeadline(DatabaseKind db)
    {
        var s = await SendingScenario.StartAsync(db, balance: 10);
        await using var _ = s.App;
        var scheduled = DateTimeOffset.UtcNow.AddHours(1);
        var (accepted, _) = await SendingScenario.SendAsync(s, "13912345678\n13987654321", scheduledAt: scheduled);
        var task = await s.App.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync());
        // One number claimed by a dispatcher at the task's creation: its NextAttemptAt is the recovery deadline, two minutes on.
        var claimedAt = task.CreatedAt;
        var deadline = claimedAt + TimeSpan.FromMinutes(2);
        await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.Phone == "13912345678").ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, RecipientStatus.Submitting)
            .SetProperty(r => r.ClaimId, "claim-1")
            .SetProperty(r => r.ClaimedAt, claimedAt)
            .SetProperty(r => r.NextAttemptAt, deadline), TestContext.Current.CancellationToken));
        var clock = s.App.Services.GetRequiredService<OperatorClock>();

        var detail = (await s.Client.GetAsync($"/console/tasks/detail?id={accepted!.TaskId}")).Html;

        var rows = detail[detail.IndexOf("<tbody>", StringComparison.Ordinal)..];
        Assert.Contains("13912345678", rows);
        Assert.Contains(clock.Format(claimedAt), rows);
        Assert.DoesNotContain(clock.Format(deadline), rows);
        // The number not yet claimed is due when the task is scheduled.
        Assert.Contains(clock.Format(scheduled), rows);
    }
}
