using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.IntegrationTests;

/// <summary>A scheduled task waits, charged, until its time, and goes out when it falls due.</summary>
public sealed class ScheduledSendTests
{
    private static readonly TimeSpan Ahead = TimeSpan.FromMinutes(5);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ScheduledTask_NothingAtTheCarrierBefore_DeliveredAndBilledWhenDue(DatabaseKind db)
    {
        var clock = new ShiftedClock();
        await using var s = await SendingScenario.StartAsync(db, balance: 10, clock: clock);
        var sandbox = CustomerScenario.Sandbox(s.App);

        var (scheduled, outcome) = await SendingScenario.SendAsync(s, "13912345678\n13900000001", scheduledAt: clock.GetUtcNow() + Ahead);
        Assert.True(outcome.Succeeded);
        // A send accepted after it, due now: once it is done, the dispatcher has passed the scheduled rows by.
        var (now, _) = await SendingScenario.SendAsync(s, "13987654321");
        await SendingScenario.WaitForCompletionAsync(s.App, now!.TaskId);

        Assert.Single(sandbox.MessagesTo("13987654321"));
        Assert.Empty(sandbox.MessagesTo("13912345678"));
        Assert.Empty(sandbox.MessagesTo("13900000001"));
        var waiting = await s.App.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync(t => t.Id == scheduled!.TaskId));
        Assert.Equal(SendTaskStatus.Queued, waiting.Status);
        Assert.All(await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == scheduled!.TaskId).Select(r => r.Status).ToListAsync()),
            status => Assert.Equal(RecipientStatus.Queued, status));
        // Charged when accepted, as every send is.
        Assert.Equal(3, await UsedAsync(s));

        clock.Advance(Ahead + TimeSpan.FromSeconds(1));

        var done = await SendingScenario.WaitForCompletionAsync(s.App, scheduled!.TaskId);
        Assert.Equal(1, done.DeliveredCount);
        Assert.Equal(1, done.FailedCount);
        Assert.Equal(2, done.BilledSegments);
        Assert.Equal("【群发沙箱】您的订单A1001已发货", Assert.Single(sandbox.MessagesTo("13912345678")).Content);
        Assert.Single(sandbox.MessagesTo("13900000001"));
        // The delivered number stays paid for, the failed one is refunded.
        Assert.Equal(2, await UsedAsync(s));
    }

    private static Task<int> UsedAsync(SendingScenario.Setup s) =>
        s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync());
}
