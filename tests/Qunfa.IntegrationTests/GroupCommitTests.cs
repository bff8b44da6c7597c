using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Data;

namespace Qunfa.IntegrationTests;

/// <summary>Units that share a group commit: each answered after the commit, a failing one rolled back alone.</summary>
public sealed class GroupCommitTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FailingUnit_IsRolledBackAlone_AndTheOthersAreCommitted(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        var groupCommit = app.Services.GetRequiredService<GroupCommit>();
        var release = new TaskCompletionSource();

        // The first unit holds the writer until the others are queued, so that those share the next batch.
        var first = groupCommit.RunAsync(async (d, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return await InsertAsync(d, "first", ct);
        }, CancellationToken.None);
        var failing = groupCommit.RunAsync<int>(async (d, ct) =>
        {
            await InsertAsync(d, "failing", ct);
            throw new InvalidOperationException("refused");
        }, CancellationToken.None);
        var duplicate = groupCommit.RunAsync((d, ct) => InsertAsync(d, "first", ct), CancellationToken.None);
        var last = groupCommit.RunAsync((d, ct) => InsertAsync(d, "last", ct), CancellationToken.None);
        release.SetResult();

        Assert.Equal(1, await first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(0, await duplicate);
        Assert.Equal(1, await last);
        var nonces = await app.WithDbAsync(d => d.ApiNonces.Where(n => n.AccessKeyId == "group-commit").Select(n => n.NonceHash).OrderBy(n => n).ToListAsync());
        Assert.Equal(["first", "last"], nonces);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SharedStatements_OneFailingAtTheEnd_IsRolledBackAlone_AndTheOthersAreCommitted(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        var groupCommit = app.Services.GetRequiredService<GroupCommit>();
        using var reruns = new GroupCommitReruns(app.Services);
        var (held, release) = await HoldWriterAsync(groupCommit);

        // On PostgreSQL the three statements are sent together after the last unit; the second finds its nonce taken.
        var first = groupCommit.RunAsync((d, shared, ct) => AddInsertAsync(d, shared, "shared-1", ct), CancellationToken.None);
        var reused = groupCommit.RunAsync((d, shared, ct) => AddInsertAsync(d, shared, "shared-1", ct), CancellationToken.None);
        var other = groupCommit.RunAsync((d, shared, ct) => AddInsertAsync(d, shared, "shared-2", ct), CancellationToken.None);
        await WaitUntilQueuedAsync(groupCommit, 3);
        release.SetResult();
        await held;

        Assert.True(await first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => reused);
        Assert.True(await other);
        var nonces = await app.WithDbAsync(d => d.ApiNonces.Where(n => n.AccessKeyId == "group-commit").Select(n => n.NonceHash).OrderBy(n => n).ToListAsync());
        Assert.Equal(["shared-1", "shared-2"], nonces);
        Assert.Equal(1, reruns.Value);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SendsOfOneBatch_SeeEachOthersCharges_AndNeedNoSecondRun(DatabaseKind db)
    {
        var settings = new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" };
        await using var s = await SendingScenario.StartAsync(db, balance: 3, settings);
        var groupCommit = s.App.Services.GetRequiredService<GroupCommit>();
        using var reruns = new GroupCommitReruns(s.App.Services);
        var (held, release) = await HoldWriterAsync(groupCommit);

        var sends = Enumerable.Range(0, 5).Select(i => Task.Run(() => SendingScenario.SendAsync(s, $"1391234{i:D4}"), TestContext.Current.CancellationToken)).ToList();
        await WaitUntilQueuedAsync(groupCommit, 5);
        release.SetResult();
        await held;
        var results = await Task.WhenAll(sends);

        // The first three are charged; the last two see the balance they left (on PostgreSQL from the grants the
        // batch read once and charged in memory) and are refused for it, instead of failing at the end and sending
        // the whole batch again.
        Assert.Equal(3, results.Count(r => r.Task is not null));
        Assert.Equal(3, await s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync()));
        Assert.Equal(0, reruns.Value);
        // The accepted sends' rollup (on PostgreSQL added up over the batch and written once) counts each of them.
        var rollups = await s.App.WithDbAsync(d => d.SendRollups.Where(r => r.CustomerId == s.CustomerId).ToListAsync());
        Assert.Equal((3, 3), (rollups.Sum(r => r.Numbers), rollups.Sum(r => r.Segments)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SendsOfOneBatch_EachKeepItsOwnValues_WhenTheirRowsGoTogether(DatabaseKind db)
    {
        var settings = new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" };
        await using var s = await SendingScenario.StartAsync(db, balance: 100, settings);
        var groupCommit = s.App.Services.GetRequiredService<GroupCommit>();
        using var reruns = new GroupCommitReruns(s.App.Services);
        var (held, release) = await HoldWriterAsync(groupCommit);
        var at = DateTimeOffset.UtcNow.AddHours(2);

        // On PostgreSQL the tasks and recipients of the batch go as one insert per table, a column of arrays each: a
        // schedule beside none (a column with nulls), two numbers beside one, other values each.
        var scheduled = Task.Run(() => SendingScenario.SendAsync(s, "13912340001\n13912340002", new() { ["order"] = "B1" }, scheduledAt: at), TestContext.Current.CancellationToken);
        await WaitUntilQueuedAsync(groupCommit, 1);
        var now = Task.Run(() => SendingScenario.SendAsync(s, "13912340003", new() { ["order"] = "B2" }), TestContext.Current.CancellationToken);
        await WaitUntilQueuedAsync(groupCommit, 2);
        release.SetResult();
        await held;
        var (first, second) = ((await scheduled).Task!, (await now).Task!);

        Assert.Equal(0, reruns.Value);
        var tasks = await s.App.WithDbAsync(d => d.SendTasks.Where(t => t.Id == first.TaskId || t.Id == second.TaskId).OrderBy(t => t.Id).ToListAsync());
        Assert.Equal([(2, true, "B1"), (1, false, "B2")], tasks.Select(t => (t.NumberCount, t.ScheduledAt is not null, t.CommonVariables!.Contains("B1") ? "B1" : "B2")));
        Assert.Equal(at.ToUnixTimeSeconds(), tasks[0].ScheduledAt!.Value.ToUnixTimeSeconds());
        var records = await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == first.TaskId || r.TaskId == second.TaskId).OrderBy(r => r.Phone).Select(r => new { r.TaskId, r.Phone }).ToListAsync());
        Assert.Equal([(first.TaskId, "13912340001"), (first.TaskId, "13912340002"), (second.TaskId, "13912340003")], records.Select(r => (r.TaskId, r.Phone)));
    }

    /// <summary>A unit that keeps the writer busy until released, so that the units queued meanwhile share the next batch.</summary>
    private static async Task<(Task Held, TaskCompletionSource Release)> HoldWriterAsync(GroupCommit groupCommit)
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource();
        var held = groupCommit.RunAsync(async (d, ct) =>
        {
            running.SetResult();
            await release.Task.WaitAsync(ct);
            return 0;
        }, CancellationToken.None);
        await running.Task.WaitAsync(TestContext.Current.CancellationToken);
        return (held, release);
    }

    private static async Task WaitUntilQueuedAsync(GroupCommit groupCommit, int units)
    {
        while (groupCommit.Waiting < units) await Task.Delay(10, TestContext.Current.CancellationToken);
    }

    private static async Task<bool> AddInsertAsync(QunfaDbContext db, GroupCommit.Shared? shared, string nonce, CancellationToken ct)
    {
        var write = shared?.Write ?? new WriteBatch(db);
        await write.AddAsync("""INSERT INTO "ApiNonces" ("AccessKeyId", "NonceHash", "ExpiresAt") VALUES ('group-commit', @p0, 0) ON CONFLICT DO NOTHING""",
            [nonce], ct, expect: 1, otherwise: _ => Task.FromResult<Exception>(new InvalidOperationException("nonce taken")));
        if (shared is null) await write.FlushAsync(ct);
        return true;
    }

    private static Task<int> InsertAsync(QunfaDbContext db, string nonce, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ApiNonces" ("AccessKeyId", "NonceHash", "ExpiresAt") VALUES ('group-commit', {nonce}, 0) ON CONFLICT DO NOTHING""", ct);
}
