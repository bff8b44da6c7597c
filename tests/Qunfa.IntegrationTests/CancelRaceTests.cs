using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>
/// Cancelling a scheduled task is all or nothing: before the dispatcher has taken any of it, every number is cancelled
/// and refunded; once it has started claiming, nothing is cancelled and every number goes out.
/// </summary>
public sealed class CancelRaceTests
{
    private const int Numbers = 500;

    // Ending in 0000: none of the sandbox's failing suffixes.
    private static string Phone(int i) => $"136{i:D4}0000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Per-number values, so that the task goes out in batches of 100, one claim at a time, paced.</summary>
    private static async Task<long> ScheduleAsync(SendingScenario.Setup s, DateTimeOffset at)
    {
        var rows = Enumerable.Range(0, Numbers).Select(i => new RecipientRow(i + 1, Phone(i), new Dictionary<string, string> { ["order"] = $"C{i}" }));
        var list = RecipientListBuilder.Build(rows, new RecipientListOptions(TemplateVariables: ["order"]));
        await using var scope = s.App.Services.CreateAsyncScope();
        var (accepted, outcome) = await scope.ServiceProvider.GetRequiredService<SendAcceptance>().AcceptAsync(
            new SendRequest(s.CustomerId, SandboxAccount.SignName, s.TemplateId, null, list, at), Ct);
        Assert.True(outcome.Succeeded);
        return accepted!.TaskId;
    }

    private static async Task<bool> CancelAsync(SendingScenario.Setup s, long taskId)
    {
        await using var scope = s.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecordSettlement>().CancelAsync(taskId, Ct);
    }

    private static Task<int> UsedAsync(SendingScenario.Setup s) =>
        s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync());

    private static Task<List<RecipientStatus>> StatusesAsync(SendingScenario.Setup s, long taskId) =>
        s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == taskId).Select(r => r.Status).ToListAsync());

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Cancel_BeforeAnyClaim_CancelsAndRefundsAll_AfterTheFirstClaim_CancelsNothing(DatabaseKind db)
    {
        var clock = new ShiftedClock();
        var settings = new Dictionary<string, string> { ["Qunfa:Sending:Concurrency"] = "1", ["Qunfa:Sending:CarrierQps"] = "5" };
        await using var s = await SendingScenario.StartAsync(db, balance: 2 * Numbers, settings, clock);
        var sandbox = CustomerScenario.Sandbox(s.App);

        var early = await ScheduleAsync(s, clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        Assert.True(await CancelAsync(s, early));
        Assert.All(await StatusesAsync(s, early), status => Assert.Equal(RecipientStatus.Cancelled, status));
        Assert.Equal(SendTaskStatus.Cancelled, await s.App.WithDbAsync(d => d.SendTasks.Where(t => t.Id == early).Select(t => t.Status).SingleAsync()));
        Assert.Equal(0, await UsedAsync(s));

        var late = await ScheduleAsync(s, clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        // The first batch of 100 is claimed; the others wait their turn behind the carrier's pace.
        await InboundScenario.EventuallyAsync(() => StatusesAsync(s, late), l => l.Any(x => x != RecipientStatus.Queued), "the first claim");
        Assert.False(await CancelAsync(s, late));

        var done = await SendingScenario.WaitForCompletionAsync(s.App, late);
        Assert.Equal(Numbers, done.DeliveredCount);
        Assert.All(await StatusesAsync(s, late), status => Assert.Equal(RecipientStatus.Delivered, status));
        Assert.Equal(Numbers, await UsedAsync(s));
        var sent = sandbox.SentCountsByNumber();
        Assert.All(Enumerable.Range(0, Numbers), i => Assert.Equal(1, sent.GetValueOrDefault(Phone(i))));
    }
}
