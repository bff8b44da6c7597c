using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending.Dispatch;

namespace Qunfa.IntegrationTests;

/// <summary>
/// Single sends of many tasks go to the carrier together — one SendBatchSms per template, each number with its own task's
/// content — instead of one carrier call, claim and answer each; a large task keeps its claims to itself.
/// </summary>
public sealed class SmallTaskDispatchTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SmallTasks_GoOutInOneCall_EachWithItsOwnContent_ALargeTaskApart(DatabaseKind db)
    {
        // Workers off: the claims are made here, one at a time, so the test sees what each carrier call holds.
        await using var s = await SendingScenario.StartAsync(db, balance: 1000, new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" });
        var singles = new List<long>();
        for (var i = 0; i < 3; i++)
            singles.Add((await SendingScenario.SendAsync(s, $"1391234000{i}", new() { ["order"] = $"S{i}" })).Task!.TaskId);
        var large = (await SendingScenario.SendAsync(s, string.Join('\n', Enumerable.Range(0, 150).Select(i => $"1360000{i:D4}")))).Task!.TaskId;
        singles.Add((await SendingScenario.SendAsync(s, "13912340009", new() { ["order"] = "S9" })).Task!.TaskId);
        var dispatcher = s.App.Services.GetRequiredService<Dispatcher>();
        var ct = TestContext.Current.CancellationToken;

        var claims = await dispatcher.ClaimAsync(1, ct);
        await dispatcher.SendAsync(Assert.Single(claims), ct);

        // The four singles share one call, the one accepted after the large task too; none of the large task's numbers.
        var records = await s.App.WithDbAsync(d => d.SendRecords.AsNoTracking().Where(r => r.Status == RecipientStatus.Submitted).ToListAsync(ct));
        Assert.Equal(singles.Order(), records.Select(r => r.TaskId).Order());
        var bizId = Assert.Single(records.Select(r => r.BizId).Distinct());
        Assert.Equal(
            ["【群发沙箱】您的订单S0已发货", "【群发沙箱】您的订单S1已发货", "【群发沙箱】您的订单S2已发货", "【群发沙箱】您的订单S9已发货"],
            CustomerScenario.Sandbox(s.App).MessagesOfBiz(bizId!).OrderBy(m => m.PhoneNumber).Select(m => m.Content));

        // The large task goes in a claim of its own.
        claims = await dispatcher.ClaimAsync(2, ct);
        await dispatcher.SendAsync(Assert.Single(claims), ct);
        var largeRecords = await s.App.WithDbAsync(d => d.SendRecords.AsNoTracking().Where(r => r.TaskId == large).ToListAsync(ct));
        Assert.All(largeRecords, r => Assert.Equal(RecipientStatus.Submitted, r.Status));
        var largeBiz = Assert.Single(largeRecords.Select(r => r.BizId).Distinct());
        Assert.Equal(150, CustomerScenario.Sandbox(s.App).MessagesOfBiz(largeBiz!).Count);
        Assert.Empty(await dispatcher.ClaimAsync(1, ct));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AClaim_OfTasksKnownAndNew_GoesOut_WhenLoadingTheNewOnesEmptiesTheShapeCache(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 1000, new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" });
        var dispatcher = s.App.Services.GetRequiredService<Dispatcher>();
        dispatcher.ShapeCacheLimit = 1;
        var ct = TestContext.Current.CancellationToken;
        await SendingScenario.SendAsync(s, "13912340000", new() { ["order"] = "S0" });
        await dispatcher.SendAsync(Assert.Single(await dispatcher.ClaimAsync(1, ct)), ct);

        // The first of the next two is looked up alone (the cache then holds two shapes); loading the second's empties it.
        await SendingScenario.SendAsync(s, "13912340001", new() { ["order"] = "S1" });
        await SendingScenario.SendAsync(s, "13912340002", new() { ["order"] = "S2" });
        using var reruns = new GroupCommitReruns(s.App.Services);
        var claim = Assert.Single(await dispatcher.ClaimAsync(1, ct));
        // On SQLite the claim is a group-commit unit: a failure would have passed on its second run, with savepoints.
        Assert.Equal(0, reruns.Value);
        Assert.Equal(2, claim.Records.Count);
        await dispatcher.SendAsync(claim, ct);
        var statuses = await s.App.WithDbAsync(d => d.SendRecords.AsNoTracking().Select(r => r.Status).ToListAsync(ct));
        Assert.Equal(3, statuses.Count(st => st == RecipientStatus.Submitted));
    }
}
