using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Emulators;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Statistics;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.IntegrationTests;

/// <summary>
/// The daily rollups kept beside the engine stay equal to what the recipient records say, through a random mix of
/// sends, receipts (some duplicated), refunds, cancellations, numbers that end 未知, and a host restart.
/// </summary>
public sealed class RollupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Row(DateOnly Day, int CustomerId, string SignName, string TemplateCode, string TemplateName, string Type, string Category,
        long Numbers, long Delivered, long Failed, long Unknown, long Cancelled, long Segments, long Refunded);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RandomSendsReceiptsCancellationsAndARestart_RollupsEqualTheRecords_AndRebuildAgrees(DatabaseKind db)
    {
        var random = new Random(20261128);
        await using var carrier = await EmulatorHost.StartAsync(o =>
        {
            o.ReportDelay = TimeSpan.FromMilliseconds(100);
            o.DuplicateReportRate = 0.3;
        }, ct: Ct);
        SandboxCarrier.SeedDemoAccount(carrier.State);
        await using var database = await TestDatabase.CreateAsync(db);
        var settings = SendingScenario.Settings(new Dictionary<string, string>
        {
            ["Qunfa:Sending:ReceiptTimeout"] = "00:00:01",
            ["Qunfa:Sending:UnknownAfter"] = "00:00:02",
        });
        var taskIds = new List<long>();
        var phone = 0;
        string Numbers(int count) => string.Join('\n', Enumerable.Range(0, count).Select(_ =>
        {
            // About one in five ends in a failing suffix of the emulator.
            var suffix = random.Next(5) == 0 ? "000" + random.Next(1, 4).ToString(CultureInfo.InvariantCulture) : (++phone + 1000).ToString("D4", CultureInfo.InvariantCulture);
            return "139" + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) + suffix;
        }));

        async Task RoundAsync(SendingScenario.Setup s, int sends)
        {
            for (var i = 0; i < sends; i++)
            {
                var roll = random.Next(10);
                // Scheduled up to a few days ahead, so that tasks fall on several operator-local days.
                DateTimeOffset? at = roll < 3 ? DateTimeOffset.UtcNow.AddHours(1 + random.Next(72)) : null;
                var (accepted, outcome) = await SendingScenario.SendAsync(s, Numbers(random.Next(1, 25)), scheduledAt: at);
                Assert.True(outcome.Succeeded, string.Join(";", outcome.Errors.SelectMany(e => e.Value)));
                taskIds.Add(accepted!.TaskId);
                if (at is not null && random.Next(2) == 0)
                {
                    await using var scope = s.App.Services.CreateAsyncScope();
                    Assert.True(await scope.ServiceProvider.GetRequiredService<RecordSettlement>().CancelAsync(accepted.TaskId, Ct));
                }
            }
        }

        int customerId, templateId, grantId;
        await using (var first = QunfaApp.StartOn(database, carrier, settings))
        {
            var s = await SendingScenario.PrepareAsync(first, balance: 100_000);
            (customerId, templateId, grantId) = (s.CustomerId, s.TemplateId, s.GrantId);
            carrier.State.SeedTemplate(SendingScenario.TemplateCode, SendingScenario.Content, templateType: 1);
            await RoundAsync(s, 12);
            await AssertRollupsMatchRecordsAsync(first);
        }

        await using (var second = QunfaApp.StartOn(database, carrier, settings))
        {
            using var client = second.CreatePageClient();
            var s = new SendingScenario.Setup(second, client, customerId, templateId, grantId);
            await RoundAsync(s, 12);
            // Receipts that never come: these numbers end 未知.
            carrier.State.Options.ReportDelay = TimeSpan.FromHours(1);
            var (silent, _) = await SendingScenario.SendAsync(s, Numbers(3));
            await SendingScenario.WaitForCompletionAsync(second, silent!.TaskId);
            carrier.State.Options.ReportDelay = TimeSpan.FromMilliseconds(100);
            foreach (var id in taskIds)
                if (await second.WithDbAsync(d => d.SendTasks.AnyAsync(t => t.Id == id && t.ScheduledAt == null)))
                    await SendingScenario.WaitForCompletionAsync(second, id);
            // Late duplicates of receipts must change nothing.
            await Task.Delay(500, Ct);

            var kept = await AssertRollupsMatchRecordsAsync(second);
            Assert.Contains(kept, r => r.Unknown > 0);
            Assert.Contains(kept, r => r.Cancelled > 0);
            Assert.Contains(kept, r => r.Failed > 0 && r.Refunded > 0);
            Assert.True(kept.Select(r => r.Day).Distinct().Count() > 1);

            await using (var scope = second.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<RollupRebuild>().RunAsync(Ct);
            Assert.Equal(kept, await RollupsAsync(second));
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RebuildFromTheCommandLine_RestoresDeletedRollups(DatabaseKind db)
    {
        var s = await SendingScenario.StartAsync(db, balance: 10);
        await using var _ = s.App;
        var (accepted, _) = await SendingScenario.SendAsync(s, "13912345678\n13900000001");
        await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);
        var kept = await RollupsAsync(s.App);
        await s.App.WithDbAsync(d => d.SendRollups.ExecuteDeleteAsync());

        Assert.Equal(0, await RollupCommand.RunAsync(s.App.Services, Ct));

        Assert.Equal(kept, await RollupsAsync(s.App));
        var row = Assert.Single(kept);
        Assert.Equal((2, 1, 1, 2, 1), (row.Numbers, row.Delivered, row.Failed, row.Segments, row.Refunded));
    }

    [Fact]
    public async Task OnPostgres_ASend_IsNotHeldUpByASettlementStillOpenOnItsRollup()
    {
        var settings = new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" };
        var s = await SendingScenario.StartAsync(DatabaseKind.Postgres, balance: 10, settings);
        await using var _ = s.App;
        var (first, _) = await SendingScenario.SendAsync(s, "13912345678");
        // A receipt of that send being applied: its transaction holds the rollup row it added to until it commits.
        await using var scope = s.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        await using var settlement = await db.Database.BeginTransactionAsync(Ct);
        await scope.ServiceProvider.GetRequiredService<RollupWriter>().AddAsync([(first!.TaskId, new RollupDelta(Delivered: 1))], Ct);

        // The next send of the same customer, signature, template and day adds to the rollup of the same key.
        var next = SendingScenario.SendAsync(s, "13987654321");
        var finished = await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(20), Ct));

        Assert.True(finished == next, "the send waited for the open settlement's lock on the rollup");
        Assert.True((await next).Outcome.Succeeded);
        await settlement.RollbackAsync(Ct);
        await AssertRollupsMatchRecordsAsync(s.App);
    }

    private static async Task<List<Row>> AssertRollupsMatchRecordsAsync(QunfaApp app)
    {
        var expected = await FromRecordsAsync(app);
        var kept = await RollupsAsync(app);
        Assert.Equal(expected, kept);
        return kept;
    }

    /// <summary>The rollups of each key summed over its rows (acceptance and settlement each keep one), as every reader sums them.</summary>
    private static Task<List<Row>> RollupsAsync(QunfaApp app) => app.WithDbAsync(async d =>
        (await d.SendRollups.AsNoTracking().ToListAsync())
        .GroupBy(r => (r.Day, r.CustomerId, r.SignName, r.TemplateCode, r.TemplateName, Type: r.TemplateType.ToString(), Category: r.Category.ToString()))
        .Select(g => new Row(g.Key.Day, g.Key.CustomerId, g.Key.SignName, g.Key.TemplateCode, g.Key.TemplateName, g.Key.Type, g.Key.Category,
            g.Sum(r => r.Numbers), g.Sum(r => r.Delivered), g.Sum(r => r.Failed), g.Sum(r => r.Unknown), g.Sum(r => r.Cancelled),
            g.Sum(r => r.Segments), g.Sum(r => r.RefundedSegments)))
        .Where(r => r.Numbers != 0)
        .OrderBy(r => r.Day).ThenBy(r => r.CustomerId).ThenBy(r => r.TemplateName, StringComparer.Ordinal).ToList());

    /// <summary>The same figures straight from the records and their tasks, with the operator's days.</summary>
    private static Task<List<Row>> FromRecordsAsync(QunfaApp app) => app.WithDbAsync(async d =>
    {
        var clock = app.Services.GetRequiredService<OperatorClock>();
        var tasks = await d.SendTasks.AsNoTracking().ToDictionaryAsync(t => t.Id);
        var records = await d.SendRecords.AsNoTracking().ToListAsync();
        return records
            .GroupBy(r =>
            {
                var t = tasks[r.TaskId];
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t.ScheduledAt ?? t.CreatedAt, clock.Zone).DateTime);
                return (day, t.CustomerId, t.SignName, t.TemplateCode, t.TemplateName, Type: t.TemplateType.ToString(), Category: t.Category.ToString());
            })
            .Select(g => new Row(g.Key.day, g.Key.CustomerId, g.Key.SignName, g.Key.TemplateCode, g.Key.TemplateName, g.Key.Type, g.Key.Category,
                g.Count(), g.Count(r => r.Status == RecipientStatus.Delivered), g.Count(r => r.Status == RecipientStatus.Failed),
                g.Count(r => r.Status == RecipientStatus.Unknown), g.Count(r => r.Status == RecipientStatus.Cancelled),
                g.Sum(r => (long)r.Segments), g.Where(r => r.Refunded).Sum(r => (long)r.Segments)))
            .OrderBy(r => r.Day).ThenBy(r => r.CustomerId).ThenBy(r => r.TemplateName, StringComparer.Ordinal).ToList();
    });
}
