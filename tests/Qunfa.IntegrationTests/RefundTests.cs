using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.IntegrationTests;

/// <summary>A failed number's segments go back to the grant that paid for them, once, and only when the operator refunds failures.</summary>
public sealed class RefundTests
{
    private static Task<Dictionary<int, int>> UsedByGrantAsync(QunfaApp app) =>
        app.WithDbAsync(d => d.PackageGrants.ToDictionaryAsync(g => g.Id, g => g.Used));

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Failure_IsRefundedToTheGrantThatPaid_NotToTheOtherOne(DatabaseKind db)
    {
        // One notification segment, then the general package pays.
        await using var s = await SendingScenario.StartAsync(db, balance: 1);
        var general = await s.App.WithDbAsync(async d =>
        {
            var grant = new PackageGrant
            {
                CustomerId = s.CustomerId, Category = SmsCategory.General, Size = 10, Status = GrantStatus.Active, Source = GrantSource.Allocated,
                ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            d.PackageGrants.Add(grant);
            await d.SaveChangesAsync();
            return grant.Id;
        });

        // The failing number (…0001) comes second, so the general package pays for it.
        var (accepted, _) = await SendingScenario.SendAsync(s, "13912345678\n13900000001");
        var paidBy = await s.App.WithDbAsync(d => d.SendRecords.ToDictionaryAsync(r => r.Phone, r => r.GrantId));
        Assert.Equal(s.GrantId, paidBy["13912345678"]);
        Assert.Equal(general, paidBy["13900000001"]);
        Assert.Equal(new Dictionary<int, int> { [s.GrantId] = 1, [general] = 1 }, await UsedByGrantAsync(s.App));

        var task = await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);

        Assert.Equal(1, task.FailedCount);
        Assert.Equal(new Dictionary<int, int> { [s.GrantId] = 1, [general] = 0 }, await UsedByGrantAsync(s.App));
        Assert.True(await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.Phone == "13900000001").Select(r => r.Refunded).SingleAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FailureAfterTheLastRetry_IsRefundedOnce(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10, new Dictionary<string, string> { ["Qunfa:Sending:MaxAttempts"] = "2" });
        var sandbox = CustomerScenario.Sandbox(s.App);
        sandbox.Options.FaultActions = ["SendSms"];
        sandbox.Options.ServerErrorRate = 1.0;

        var (accepted, _) = await SendingScenario.SendAsync(s, "13912345678\n13987654321");
        var task = await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);

        Assert.Equal(2, task.FailedCount);
        Assert.True(sandbox.Counters.InjectedServerErrors >= 2, $"{sandbox.Counters.InjectedServerErrors} server errors");
        var records = await s.App.WithDbAsync(d => d.SendRecords.AsNoTracking().ToListAsync());
        Assert.All(records, r =>
        {
            Assert.Equal(RecipientStatus.Failed, r.Status);
            Assert.Equal(2, r.Attempts);
            Assert.True(r.Refunded);
        });
        Assert.Equal(0, (await UsedByGrantAsync(s.App))[s.GrantId]);
        Assert.Empty(sandbox.MessagesTo("13912345678"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OperatorWithoutRefunds_KeepsTheFailureCharged(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10, new Dictionary<string, string> { ["Qunfa:Sending:RefundFailed"] = "false" });

        var (accepted, _) = await SendingScenario.SendAsync(s, "13912345678\n13900000001");
        var task = await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);

        Assert.Equal(1, task.FailedCount);
        Assert.Equal(2, (await UsedByGrantAsync(s.App))[s.GrantId]);
        Assert.False(await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.Phone == "13900000001").Select(r => r.Refunded).SingleAsync()));
    }
}
