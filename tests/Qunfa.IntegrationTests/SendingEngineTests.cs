using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>The engine end to end against the sandbox carrier: accept, charge, dispatch, receipts, refunds, recovery.</summary>
public sealed class SendingEngineTests
{
    private static Task<SendingScenario.Setup> StartAsync(DatabaseKind db, int balance) => SendingScenario.StartAsync(db, balance);

    private static Task<(SendAcceptance.Accepted? Task, Qunfa.Web.Infrastructure.Validation.Outcome Outcome)> SendAsync(SendingScenario.Setup s, string numbers, Dictionary<string, string>? common = null) =>
        SendingScenario.SendAsync(s, numbers, common);

    private static Task<SendTask> WaitForCompletionAsync(QunfaApp app, long taskId) => SendingScenario.WaitForCompletionAsync(app, taskId);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Send_IsDeliveredOnce_AndAFailureAtTheCarrierIsRefunded(DatabaseKind db)
    {
        var s = await StartAsync(db, balance: 10);
        await using var _ = s.App;

        var (accepted, outcome) = await SendAsync(s, "13912345678\n+86 139 8765 4321\n13900000001\n13912345678");

        Assert.True(outcome.Succeeded);
        Assert.Equal(3, accepted!.Recipients);
        var task = await WaitForCompletionAsync(s.App, accepted.TaskId);
        Assert.Equal(2, task.DeliveredCount);
        Assert.Equal(1, task.FailedCount);
        var failed = await s.App.WithDbAsync(d => d.SendRecords.SingleAsync(r => r.Status == RecipientStatus.Failed));
        Assert.Equal("13900000001", failed.Phone);
        Assert.Equal("MOBILE_NOT_ON_SERVICE", failed.Code);
        Assert.True(failed.Refunded);
        Assert.Equal(2, await s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync()));
        foreach (var phone in new[] { "13912345678", "13987654321", "13900000001" })
            Assert.Single(CustomerScenario.Sandbox(s.App).MessagesTo(phone));
        Assert.Equal("【群发沙箱】您的订单A1001已发货", CustomerScenario.Sandbox(s.App).MessagesTo("13912345678")[0].Content);
    }

    [Fact]
    public async Task Send_PerRecipientValues_GoOutWithSendBatchSms()
    {
        var s = await StartAsync(DatabaseKind.Sqlite, balance: 10);
        await using var _ = s.App;
        var rows = new[] { new RecipientRow(1, "13912345678", new Dictionary<string, string> { ["order"] = "X1" }), new RecipientRow(2, "13987654321", new Dictionary<string, string> { ["order"] = "X2" }) };
        var list = RecipientListBuilder.Build(rows, new RecipientListOptions(TemplateVariables: ["order"]));
        await using var scope = s.App.Services.CreateAsyncScope();
        var (accepted, _) = await scope.ServiceProvider.GetRequiredService<SendAcceptance>().AcceptAsync(
            new SendRequest(s.CustomerId, SandboxAccount.SignName, s.TemplateId, null, list), TestContext.Current.CancellationToken);

        await WaitForCompletionAsync(s.App, accepted!.TaskId);
        Assert.Equal("【群发沙箱】您的订单X2已发货", CustomerScenario.Sandbox(s.App).MessagesTo("13987654321").Single().Content);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Send_TooLittleBalance_IsRefusedWhole(DatabaseKind db)
    {
        var s = await StartAsync(db, balance: 2);
        await using var _ = s.App;

        var (accepted, outcome) = await SendAsync(s, "13912345678\n13987654321\n13911112222");

        Assert.Null(accepted);
        Assert.Contains(SendMessages.BalanceTooLow, outcome.Errors[""]);
        Assert.False(await s.App.WithDbAsync(d => d.SendRecords.AnyAsync()));
        Assert.Equal(0, await s.App.WithDbAsync(d => d.PackageGrants.Select(g => g.Used).SingleAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FiftyConcurrentSends_AgainstASmallBalance_NeverOverdraw(DatabaseKind db)
    {
        var s = await StartAsync(db, balance: 7);
        await using var _ = s.App;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => SendAsync(s, $"1391234{i:D4}")));

        Assert.Equal(7, results.Count(r => r.Task is not null));
        Assert.Equal(7, await s.App.WithDbAsync(d => d.PackageGrants.Select(g => g.Used).SingleAsync()));
        Assert.Equal(7, await s.App.WithDbAsync(d => d.SendRecords.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnswerLostAfterTheCarrierAccepted_IsLookedUp_NotResent(DatabaseKind db)
    {
        var s = await StartAsync(db, balance: 10);
        await using var _ = s.App;
        var sandbox = CustomerScenario.Sandbox(s.App);
        sandbox.Options.FaultActions = ["SendSms"];
        sandbox.Options.DropAfterAcceptRate = 1.0;
        // Receipts later than the recovery delay (2 s), so that the lookup, not a receipt, settles the lost claim.
        sandbox.Options.ReportDelay = TimeSpan.FromSeconds(6);
        var sendCallsBefore = sandbox.Counters.AcceptedSendCalls;

        var (accepted, _) = await SendAsync(s, "13912345678\n13987654321");
        for (var i = 0; i < 80 && sandbox.MessagesTo("13912345678").Count == 0; i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        sandbox.Options.DropAfterAcceptRate = 0;

        var task = await WaitForCompletionAsync(s.App, accepted!.TaskId);
        Assert.Equal(2, task.DeliveredCount);
        // The answer really was lost, and the claim was looked up before its receipt came: no second send.
        Assert.True(sandbox.Counters.DroppedConnections >= 1, "no connection was dropped");
        Assert.Equal(1, sandbox.Counters.AcceptedSendCalls - sendCallsBefore);
        Assert.All(await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == accepted.TaskId).Select(r => r.Attempts).ToListAsync()),
            attempts => Assert.Equal(1, attempts));
        Assert.Single(sandbox.MessagesTo("13912345678"));
        Assert.Single(sandbox.MessagesTo("13987654321"));
    }

    [Fact]
    public async Task CarrierErrorsBeforeAcceptance_AreRetried_AndSentOnce()
    {
        var s = await StartAsync(DatabaseKind.Sqlite, balance: 10);
        await using var _ = s.App;
        var sandbox = CustomerScenario.Sandbox(s.App);
        sandbox.Options.FaultActions = ["SendSms"];
        sandbox.Options.ServerErrorRate = 1.0;

        var (accepted, _) = await SendAsync(s, "13912345678");
        for (var i = 0; i < 80; i++)
        {
            if (await s.App.WithDbAsync(d => d.SendRecords.AnyAsync(r => r.Attempts >= 2))) break;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        sandbox.Options.ServerErrorRate = 0;

        var task = await WaitForCompletionAsync(s.App, accepted!.TaskId);
        Assert.Equal(1, task.DeliveredCount);
        Assert.True(sandbox.Counters.InjectedServerErrors >= 1, "no server error was injected");
        Assert.True(await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == accepted.TaskId).Select(r => r.Attempts).SingleAsync()) >= 2);
        Assert.Single(sandbox.MessagesTo("13912345678"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DuplicateReceipts_AreAppliedOnce(DatabaseKind db)
    {
        // The registration code's receipt matches no record: read once, it is dropped, so the queue can drain.
        var s = await SendingScenario.StartAsync(db, balance: 10, new Dictionary<string, string> { ["Qunfa:Sending:MaxReceiptReads"] = "1" });
        await using var _ = s.App;
        CustomerScenario.Sandbox(s.App).Options.DuplicateReportRate = 1.0;

        var (accepted, _) = await SendAsync(s, "13912345678\n13900000001");
        await WaitForCompletionAsync(s.App, accepted!.TaskId);
        var sandbox = CustomerScenario.Sandbox(s.App);
        // Every receipt went out twice (the registration code's, too, if it was reported after the switch), and the
        // queue has given the engine all of them.
        Assert.True(sandbox.Counters.DuplicateReports >= 2, $"{sandbox.Counters.DuplicateReports} duplicates");
        var queue = sandbox.QueueName("SmsReport");
        await InboundScenario.EventuallyAsync(() => Task.FromResult(sandbox.QueueCounts(queue)), c => c == new Qunfa.Emulators.EmulatorQueueCounts(0, 0), "the report queue to drain");

        var task = await s.App.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync(t => t.Id == accepted.TaskId));
        Assert.Equal(1, task.DeliveredCount);
        Assert.Equal(1, task.FailedCount);
        Assert.Equal(1, await s.App.WithDbAsync(d => d.PackageGrants.Select(g => g.Used).SingleAsync()));
    }

    [Fact]
    public async Task FrozenCustomer_CannotSend()
    {
        var s = await StartAsync(DatabaseKind.Sqlite, balance: 10);
        await using var _ = s.App;
        await s.App.WithDbAsync(d => d.Customers.ExecuteUpdateAsync(u => u.SetProperty(c => c.IsFrozen, true)));

        var (accepted, outcome) = await SendAsync(s, "13912345678");

        Assert.Null(accepted);
        Assert.Contains(SendMessages.Frozen, outcome.Errors[""]);
    }
}
