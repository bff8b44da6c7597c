using Microsoft.EntityFrameworkCore;
using Qunfa.Emulators;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Carrier;

namespace Qunfa.IntegrationTests;

/// <summary>
/// The host stops while the dispatcher is mid-flight (claims made, calls on the wire, answers lost) and a new
/// host starts on the same database and the same carrier: every number reaches the carrier exactly once and
/// the billing stays whole.
/// </summary>
public sealed class DispatchCrashDrillTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task HostStoppedMidDispatch_RestartSendsEveryNumberExactlyOnce(DatabaseKind db)
    {
        await using var carrier = await EmulatorHost.StartAsync(o =>
        {
            o.ReportDelay = TimeSpan.FromMilliseconds(200);
            o.Latency = TimeSpan.FromMilliseconds(150);
            // Some calls are accepted and their answer lost: only a lookup can tell.
            o.FaultActions = ["SendSms"];
            o.DropAfterAcceptRate = 0.3;
        }, ct: Ct);
        SandboxCarrier.SeedDemoAccount(carrier.State);
        await using var database = await TestDatabase.CreateAsync(db);
        var settings = SendingScenario.Settings(new Dictionary<string, string>
        {
            ["Qunfa:Sending:Concurrency"] = "3",
        });
        const int Numbers = 5000;
        var phones = Enumerable.Range(0, Numbers).Select(i => "1390" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        long taskId;
        await using (var first = QunfaApp.StartOn(database, carrier, settings))
        {
            var s = await SendingScenario.PrepareAsync(first, balance: Numbers);
            carrier.State.SeedTemplate(SendingScenario.TemplateCode, SendingScenario.Content, templateType: 1);
            var (accepted, outcome) = await SendingScenario.SendAsync(s, string.Join('\n', phones));
            Assert.True(outcome.Succeeded, string.Join(";", outcome.Errors.SelectMany(e => e.Value)));
            taskId = accepted!.TaskId;
            // Stop once the carrier has some of the numbers but not all.
            for (var i = 0; i < 200 && carrier.State.Counters.AcceptedMessages < 1500; i++) await Task.Delay(20, Ct);
        }
        await using (var look = database.OpenContext())
            Assert.True(await look.SendRecords.AnyAsync(r => r.Status == RecipientStatus.Queued || r.Status == RecipientStatus.Submitting, Ct),
                "The host stopped after the task was done; the drill needs it to stop mid-flight.");

        carrier.State.Options.DropAfterAcceptRate = 0;
        await using (var second = QunfaApp.StartOn(database, carrier, settings))
        {
            var task = await SendingScenario.WaitForCompletionAsync(second, taskId, seconds: 120);
            Assert.Equal(Numbers, task.DeliveredCount + task.FailedCount);
            var grantUsed = await second.WithDbAsync(d => d.PackageGrants.SumAsync(g => g.Used));
            var delivered = await second.WithDbAsync(d => d.SendRecords.Where(r => r.Status == RecipientStatus.Delivered).SumAsync(r => r.Segments));
            Assert.Equal(delivered, grantUsed);
        }
        var twice = phones.Where(p => carrier.State.MessagesTo(p).Count != 1).Take(5).ToList();
        Assert.True(twice.Count == 0, "Not sent exactly once: " + string.Join(", ", twice.Select(p => $"{p}×{carrier.State.MessagesTo(p).Count}")));
    }
}
