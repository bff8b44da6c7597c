using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Emulators;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Carrier;

namespace Qunfa.IntegrationTests;

/// <summary>
/// Crash drills of issue 8 on PostgreSQL, counted at the carrier emulator: several nodes on one database, a node
/// killed (a real process, SIGKILL) while it dispatches, the database restarted, the carrier down, duplicate and
/// early receipts. CI-sized by default; QUNFA_DRILL_FULL=1 runs the issue's sizes (100,000 numbers, a 2-minute outage).
/// The database restart is in <see cref="DatabaseRestartDrillTests"/>, which runs alone.
/// </summary>
public sealed partial class ClusterDrillTests(ITestOutputHelper output)
{
    internal static CancellationToken Ct => TestContext.Current.CancellationToken;
    internal static bool Full => Environment.GetEnvironmentVariable("QUNFA_DRILL_FULL") == "1";

    /// <summary>Numbers ending in these fail at the emulator (its DeliveryFailureRules): the only failures a drill may see.</summary>
    private static readonly string[] FailingSuffixes = ["0001", "0002", "0003"];

    internal static Dictionary<string, string> Engine(params (string Key, string Value)[] extra)
    {
        var settings = SendingScenario.Settings(new Dictionary<string, string>
        {
            ["Qunfa:Sending:Concurrency"] = "3",
        });
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task TwoNodes_OneDatabase_EveryNumberSentOnce_EveryReceiptAppliedOnce()
    {
        var numbers = Full ? 100_000 : 20_000;
        await using var carrier = await StartCarrierAsync(o => o.Latency = TimeSpan.FromMilliseconds(40));
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        // Paced so that the task lasts long enough for both dispatchers to take part, however busy the machine.
        var settings = Engine(("Qunfa:Sending:CarrierQps", "4"));
        await using var web = QunfaApp.StartOn(database, carrier, settings);
        var s = await PrepareAsync(web, carrier, numbers);
        await using var worker = await NodeProcess.StartAsync(database, carrier, WorkerOnly(settings), Ct);

        var phones = Phones(numbers);
        var clock = Stopwatch.StartNew();
        var taskId = await SendAsync(s, phones);
        var acceptedIn = clock.Elapsed;
        await SendingScenario.WaitForCompletionAsync(web, taskId, seconds: Full ? 900 : 150);
        output.WriteLine($"{numbers} numbers accepted in {acceptedIn.TotalSeconds:0.0} s, delivered and receipted in {clock.Elapsed.TotalSeconds:0.0} s");

        await AssertWholeAsync(database, carrier, taskId, phones);
        var byProcess = CarrierCalls(await worker.GetStringAsync("/metrics", Ct));
        output.WriteLine($"{numbers} numbers in {carrier.State.Counters.AcceptedSendCalls} calls, {byProcess} of them from the worker process");
        Assert.True(byProcess > 0, "The worker process sent nothing: the drill did not exercise two dispatchers.");
        Assert.True(byProcess < carrier.State.Counters.AcceptedSendCalls, "The in-process node sent nothing: the drill did not exercise two dispatchers.");
    }

    [Fact]
    public async Task NodeKilledWhileDispatching_RestartLosesNothingAndSendsNothingTwice()
    {
        var numbers = Full ? 100_000 : 20_000;
        await using var carrier = await StartCarrierAsync(o =>
        {
            o.Latency = TimeSpan.FromMilliseconds(100);
            // Some answers are lost after the carrier accepted: those claims are only settled by a lookup.
            o.FaultActions = ["SendSms"];
            o.DropAfterAcceptRate = 0.2;
        });
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        // Paced so that the kill lands mid-task; the web node does not dispatch, the process does.
        var settings = Engine(("Qunfa:Sending:CarrierQps", "5"));
        await using var web = QunfaApp.StartOn(database, carrier, With(settings, "Qunfa:Workers:Enabled", "false"));
        var s = await PrepareAsync(web, carrier, numbers);
        var phones = Phones(numbers);

        await using (var first = await NodeProcess.StartAsync(database, carrier, WorkerOnly(settings), Ct))
        {
            var taskId = await SendAsync(s, phones);
            for (var i = 0; i < 600 && carrier.State.Counters.AcceptedMessages < numbers / 4; i++) await Task.Delay(50, Ct);
            first.Kill();
            output.WriteLine($"Killed process {first.Id} with {carrier.State.Counters.AcceptedMessages} numbers at the carrier");

            await using (var look = database.OpenContext())
            {
                Assert.True(await look.SendRecords.AnyAsync(r => r.Status == RecipientStatus.Queued || r.Status == RecipientStatus.Submitting, Ct),
                    "The task was finished before the kill; the drill needs the process killed mid-flight.");
                // Billing holds at the moment of the crash: what was charged is what is delivered or still pending.
                var used = await look.PackageGrants.SumAsync(g => g.Used, Ct);
                var unrefunded = await look.SendRecords.Where(r => r.Status != RecipientStatus.Failed && r.Status != RecipientStatus.Cancelled).SumAsync(r => r.Segments, Ct);
                Assert.Equal(unrefunded, used);
            }

            carrier.State.Options.DropAfterAcceptRate = 0;
            await using var second = await NodeProcess.StartAsync(database, carrier, WorkerOnly(settings), Ct);
            await SendingScenario.WaitForCompletionAsync(web, taskId, seconds: Full ? 900 : 150);
            await AssertWholeAsync(database, carrier, taskId, phones);
        }
    }

    [Fact]
    public async Task CarrierDownForAWhile_BacklogDrainsWithoutARetryStorm()
    {
        var numbers = Full ? 20_000 : 5_000;
        var outage = Full ? TimeSpan.FromMinutes(2) : TimeSpan.FromSeconds(20);
        // Backoff of 1, 2, 4 … s over 8 attempts spans about two minutes; a longer outage fails the numbers (and refunds them).
        var retryDelay = TimeSpan.FromSeconds(1);
        const int MaxAttempts = 8;
        await using var carrier = await StartCarrierAsync(o => o.Latency = TimeSpan.FromMilliseconds(40));
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        const int Readers = 4;
        var settings = Engine(
            ("Qunfa:Sending:ReceiptReaders", Readers.ToString(CultureInfo.InvariantCulture)),
            ("Qunfa:Sending:CarrierQps", "2"),
            ("Qunfa:Sending:RetryDelay", retryDelay.ToString("c", CultureInfo.InvariantCulture)),
            ("Qunfa:Sending:MaxAttempts", MaxAttempts.ToString(CultureInfo.InvariantCulture)));
        await using var a = QunfaApp.StartOn(database, carrier, settings);
        var s = await PrepareAsync(a, carrier, numbers);
        await using var b = QunfaApp.StartOn(database, carrier, settings);
        var phones = Phones(numbers);
        var taskId = await SendAsync(s, phones);
        var baseline = carrier.State.Counters.AcceptedMessages;
        for (var i = 0; i < 600 && carrier.State.Counters.AcceptedMessages < baseline + 1000; i++) await Task.Delay(50, Ct);

        // Down: every call, SMS and MNS alike, answers 5xx.
        var before = carrier.State.Counters.InjectedServerErrors;
        carrier.State.Options.MnsFaults = true;
        carrier.State.Options.ServerErrorRate = 1.0;
        var started = Stopwatch.StartNew();
        await Task.Delay(outage, Ct);
        carrier.State.Options.ServerErrorRate = 0;
        var callsDuringOutage = carrier.State.Counters.InjectedServerErrors - before;
        var atCarrierAfterOutage = carrier.State.Counters.AcceptedMessages;

        await SendingScenario.WaitForCompletionAsync(a, taskId, seconds: Full ? 600 : 120);
        await AssertWholeAsync(database, carrier, taskId, phones);

        // Bounded by the policy: each batch at most MaxAttempts sends; each queue loop of each node one read per
        // 5 s pause, its client retrying a few times; lookups of unsettled claims are per claim, not per loop.
        var batches = (numbers + 999) / 1000;
        var loopsPerNode = Readers + 3 /* SmsUp, SignSmsReport, TemplateSmsReport */;
        var bound = batches * MaxAttempts + 2 * loopsPerNode * ((int)(started.Elapsed.TotalSeconds / 5) + 1) * 4;
        output.WriteLine($"{callsDuringOutage} calls reached the carrier during a {outage.TotalSeconds:0} s outage (bound {bound}); {atCarrierAfterOutage} of {numbers} numbers were out before it ended");
        Assert.True(callsDuringOutage <= bound, $"Retry storm: {callsDuringOutage} calls during the outage, the policy allows {bound}.");
        Assert.True(callsDuringOutage > 0, "No call was made during the outage: the drill did not exercise it.");
    }

    [Fact]
    public async Task DuplicateAndEarlyReceipts_OnTwoNodes_StatusesStayRight()
    {
        var numbers = Full ? 50_000 : 5_000;
        await using var carrier = await StartCarrierAsync(o =>
        {
            // Reports go out as the carrier accepts, often before the sender has recorded the BizId; half come twice.
            o.ReportDelay = TimeSpan.Zero;
            o.DuplicateReportRate = 0.5;
            o.MnsVisibilityTimeout = TimeSpan.FromSeconds(2);
        });
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var settings = Engine();
        await using var a = QunfaApp.StartOn(database, carrier, settings);
        var s = await PrepareAsync(a, carrier, numbers);
        await using var b = QunfaApp.StartOn(database, carrier, settings);
        var phones = Phones(numbers);

        var taskId = await SendAsync(s, phones);
        await SendingScenario.WaitForCompletionAsync(a, taskId, seconds: 120);
        // Let the remaining duplicates be read and applied (or not) too.
        for (var i = 0; i < 100 && Visible(carrier) > 0; i++) await Task.Delay(100, Ct);
        await Task.Delay(500, Ct);

        await AssertWholeAsync(database, carrier, taskId, phones);
        var c = carrier.State.Counters;
        output.WriteLine($"{c.ReportedMessages} reports, {c.DuplicateReports} duplicates, {c.MnsReceived} reads");
        Assert.True(c.DuplicateReports > 0);
    }

    internal static async Task<EmulatorHost> StartCarrierAsync(Action<EmulatorOptions> configure)
    {
        var carrier = await EmulatorHost.StartAsync(o =>
        {
            o.ReportDelay = TimeSpan.FromMilliseconds(200);
            o.MnsVisibilityTimeout = TimeSpan.FromSeconds(3);
            configure(o);
        }, ct: Ct);
        SandboxCarrier.SeedDemoAccount(carrier.State);
        return carrier;
    }

    internal static async Task<SendingScenario.Setup> PrepareAsync(QunfaApp app, EmulatorHost carrier, int balance)
    {
        var s = await SendingScenario.PrepareAsync(app, balance);
        carrier.State.SeedTemplate(SendingScenario.TemplateCode, SendingScenario.Content, templateType: 1);
        return s;
    }

    internal static async Task<long> SendAsync(SendingScenario.Setup s, IReadOnlyList<string> phones)
    {
        var (accepted, outcome) = await SendingScenario.SendAsync(s, string.Join('\n', phones));
        Assert.True(outcome.Succeeded, string.Join(";", outcome.Errors.SelectMany(e => e.Value)));
        return accepted!.TaskId;
    }

    internal static List<string> Phones(int count) =>
        Enumerable.Range(0, count).Select(i => "1390" + i.ToString("D7", CultureInfo.InvariantCulture)).ToList();

    internal static Dictionary<string, string> With(Dictionary<string, string> settings, string key, string value) =>
        new(settings) { [key] = value };

    internal static Dictionary<string, string> WorkerOnly(Dictionary<string, string> settings) => With(settings, "Qunfa:Web:Enabled", "false");

    private static long Visible(EmulatorHost carrier)
    {
        var counts = carrier.State.QueueCounts(carrier.State.QueueName("SmsReport"));
        return counts.Visible + counts.InFlight;
    }

    /// <summary>
    /// Every number reached the carrier exactly once; each ended as the carrier said (delivered, or failed by the
    /// emulator's rules); each receipt was counted once on the task; billing = delivered (failures refunded once).
    /// </summary>
    internal static async Task AssertWholeAsync(TestDatabase database, EmulatorHost carrier, long taskId, IReadOnlyList<string> phones)
    {
        var sent = carrier.State.SentCountsByNumber();
        var twice = phones.Where(p => sent.GetValueOrDefault(p) != 1).Take(5).ToList();
        Assert.True(twice.Count == 0, "Not sent exactly once: " + string.Join(", ", twice.Select(p => $"{p}×{sent.GetValueOrDefault(p)}")));

        await using var db = database.OpenContext();
        var task = await db.SendTasks.AsNoTracking().SingleAsync(t => t.Id == taskId, Ct);
        var records = await db.SendRecords.Where(r => r.TaskId == taskId)
            .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count(), Segments = g.Sum(r => r.Segments) }).ToListAsync(Ct);
        int CountOf(RecipientStatus status) => records.Where(r => r.Status == status).Sum(r => r.Count);
        var expectedFailed = phones.Count(p => FailingSuffixes.Any(p.EndsWith));

        Assert.Equal(SendTaskStatus.Completed, task.Status);
        Assert.Equal(expectedFailed, CountOf(RecipientStatus.Failed));
        Assert.Equal(phones.Count - expectedFailed, CountOf(RecipientStatus.Delivered));
        Assert.Equal(CountOf(RecipientStatus.Delivered), task.DeliveredCount);
        Assert.Equal(CountOf(RecipientStatus.Failed), task.FailedCount);
        var delivered = records.Where(r => r.Status == RecipientStatus.Delivered).Sum(r => r.Segments);
        Assert.Equal(delivered, await db.PackageGrants.SumAsync(g => g.Used, Ct));
    }

    private static long CarrierCalls(string metrics) =>
        CarrierCallsOk().Matches(metrics).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^qunfa_carrier_send_calls_total\{[^}]*result=""ok""[^}]*\} (\d+)", RegexOptions.Multiline)]
    private static partial Regex CarrierCallsOk();

    /// <summary>While the database restarts, a look at it may fail; the task is waited for all the same.</summary>
    internal static async Task WaitForCompletionThroughOutagesAsync(QunfaApp app, long taskId, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                await SendingScenario.WaitForCompletionAsync(app, taskId, (int)Math.Max(1, (deadline - DateTime.UtcNow).TotalSeconds));
                return;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, Ct);
            }
        }
    }

    /// <summary>
    /// How to restart the test server: QUNFA_TEST_POSTGRES_RESTART, or in CI the pg_ctlcluster of the cluster on the
    /// test connection's port. Elsewhere the drill is skipped, as restarting a shared server is not a test's to do.
    /// </summary>
    internal static string RestartCommand()
    {
        if (Environment.GetEnvironmentVariable("QUNFA_TEST_POSTGRES_RESTART") is { Length: > 0 } command) return command;
        if (!Requirements.InCi) Assert.Skip("Restarting PostgreSQL runs in CI, or with QUNFA_TEST_POSTGRES_RESTART set (e.g. \"pg_ctlcluster 15 main restart\").");
        var port = new Npgsql.NpgsqlConnectionStringBuilder(Requirements.Postgres()).Port;
        var clusters = Capture("pg_lsclusters", "-h");
        var line = clusters.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(f => f.Length > 2 && f[2] == port.ToString(CultureInfo.InvariantCulture))
            ?? throw new InvalidOperationException($"No PostgreSQL cluster on port {port} in pg_lsclusters:\n{clusters}");
        return $"pg_ctlcluster {line[0]} {line[1]} restart";
    }

    internal static async Task RunAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", command]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var errors = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"`{command}` failed ({process.ExitCode}): {errors}");
    }

    internal static string Capture(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }
}
