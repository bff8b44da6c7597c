using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Carrier;

namespace Qunfa.IntegrationTests;

/// <summary>Receipts that never come: the carrier is asked with QuerySendDetails, and after the limit the number is 未知.</summary>
public sealed class ReceiptFollowUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReceiptsLost_AreLearntFromQuerySendDetails(DatabaseKind db)
    {
        var s = await SendingScenario.StartAsync(db, balance: 10, new Dictionary<string, string> { ["Qunfa:Sending:ReceiptTimeout"] = "00:00:01" });
        await using var _ = s.App;
        await StopReadingReceiptsAsync(s.App);

        var (accepted, _) = await SendingScenario.SendAsync(s, "13912340001\n13987654321");
        var task = await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);

        Assert.Equal(1, task.DeliveredCount);
        Assert.Equal(1, task.FailedCount);
        var failed = await s.App.WithDbAsync(d => d.SendRecords.SingleAsync(r => r.Status == RecipientStatus.Failed));
        Assert.Equal("13912340001", failed.Phone);
        Assert.False(string.IsNullOrEmpty(failed.Code));
        // The failure was refunded, once.
        Assert.Equal(1, await s.App.WithDbAsync(d => d.PackageGrants.Select(g => g.Used).SingleAsync()));
        Assert.Equal(0, CustomerScenario.Sandbox(s.App).Counters.MnsDeleted);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NoOutcomeUntilTheLimit_IsUnknown_StillBilled(DatabaseKind db)
    {
        var s = await SendingScenario.StartAsync(db, balance: 10, new Dictionary<string, string>
        {
            ["Qunfa:Sending:ReceiptTimeout"] = "00:00:01",
            ["Qunfa:Sending:UnknownAfter"] = "00:00:03",
        });
        await using var _ = s.App;
        CustomerScenario.Sandbox(s.App).Options.ReportDelay = TimeSpan.FromHours(1);

        var (accepted, _) = await SendingScenario.SendAsync(s, "13987654321");
        var task = await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);

        Assert.Equal(0, task.DeliveredCount + task.FailedCount);
        Assert.Equal(RecipientStatus.Unknown, await s.App.WithDbAsync(d => d.SendRecords.Select(r => r.Status).SingleAsync()));
        Assert.Equal(1, await s.App.WithDbAsync(d => d.PackageGrants.Select(g => g.Used).SingleAsync()));
        Assert.Contains("未知", (await s.Client.GetAsync($"/console/tasks/detail?id={task.Id}")).Html);
    }

    /// <summary>Points AK 管理's report queue elsewhere, so that the SmsReport queue is not read.</summary>
    private static async Task StopReadingReceiptsAsync(QunfaApp app)
    {
        await app.WithDbAsync(async d =>
        {
            var account = await d.CarrierAccounts.SingleAsync();
            account.ReportQueueName = "not-a-report-queue";
            return await d.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<CarrierState>().RefreshAsync(Ct);
    }
}
