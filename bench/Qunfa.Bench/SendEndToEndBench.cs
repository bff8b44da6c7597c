using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Aliyun.Sms;
using Qunfa.Testing;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Push;
using Qunfa.Web.Features.Settings;

namespace Qunfa.Bench;

/// <summary>
/// A 1,000,000-number CSV task end to end on one host (SQLite by default) against the sandbox carrier:
/// uploaded and confirmed through the console pages, dispatched, and every receipt applied, read from the MNS
/// queue or, with push, POSTed by the carrier to the host's HTTP push URL.
/// </summary>
public static partial class SendEndToEndBench
{
    /// <param name="Latency">Added by the carrier before each answer (EmulatorOptions.Latency), as Alibaba's own time per call.</param>
    /// <param name="CallsInFlight">Qunfa:Sending:Concurrency on every node; null keeps the product's default.</param>
    /// <param name="WorkerCpus">`taskset -c` list for the worker-only node, to give it cores of its own.</param>
    public sealed record Run(int Numbers, DatabaseKind Db, int Nodes = 1, bool Push = false, bool WithKannel = true,
        TimeSpan Latency = default, int? CallsInFlight = null, string? WorkerCpus = null);

    public static async Task RunAsync(Run run)
    {
        var (numbers, db, nodes, push) = (run.Numbers, run.Db, run.Nodes, run.Push);
        // The other nodes are served in memory, where the carrier cannot reach them.
        if (push && nodes > 1) throw new InvalidOperationException("push is measured on one node.");
        var kannel = run.WithKannel ? await KannelPeer.MeasureAsync(KannelSeconds, KannelConnections) : null;
        Console.WriteLine($"send-1m: {numbers:N0} numbers, {db}, {nodes} node(s), {Environment.ProcessorCount} cores, receipts {(push ? "by HTTP push" : "from MNS")}");
        PointTestHostAtWebProject();
        var calls = run.CallsInFlight ?? new SendingOptions().Concurrency;
        var settings = new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            // The production engine settings (readers, calls in flight), not the test rig's.
            ["Qunfa:Sending:ReceiptReaders"] = new SendingOptions().ReceiptReaders.ToString(CultureInfo.InvariantCulture),
            ["Qunfa:Sending:Concurrency"] = calls.ToString(CultureInfo.InvariantCulture),
            // The rig's 2 s would look up claims still waiting for a slow carrier's answer, and send them again.
            ["Qunfa:Sending:RecoveryDelay"] = new SendingOptions().RecoveryDelay.ToString(),
            ["Qunfa:Sending:CarrierQps"] = "0",
            ["Qunfa:Sending:IdleDelay"] = "00:00:00.050",
        };
        await using var cluster = nodes > 1 ? await Cluster.StartAsync(db, nodes, settings, run.WorkerCpus) : null;
        var setup = cluster is null
            ? await SendingScenario.PrepareAsync(await QunfaApp.StartOnLoopbackAsync(db, SendingScenario.Settings(settings)), balance: numbers * 2)
            : await cluster.PrepareAsync(balance: numbers * 2);
        await using var app = setup.App;
        var carrier = cluster?.Carrier.State ?? CustomerScenario.Sandbox(app);
        // Receipts start once every number is with the carrier, so the two rates are measured apart.
        carrier.Options.ReportDelay = TimeSpan.FromSeconds(Math.Max(5, numbers / 40_000));
        if (push) carrier.Options.ReportPushUrl = await PushUrlAsync(app);
        // Set after the wizard and the customer's registration, so that only the task's calls wait; every node calls
        // this one emulator, so every node waits the same.
        carrier.Options.Latency = run.Latency;
        if (run.Latency > TimeSpan.Zero)
            Console.WriteLine($"  carrier latency {run.Latency.TotalMilliseconds:F0} ms a call, {calls} calls in flight per node, {SendSmsRequest.MaxPhoneNumbers} numbers a call: "
                + $"at most {nodes * calls * SendSmsRequest.MaxPhoneNumbers / run.Latency.TotalSeconds:N0} numbers/s handed over by the latency alone");
        if (run.WorkerCpus is not null && nodes > 1) Console.WriteLine($"  worker node pinned to CPU {run.WorkerCpus}; this process (web node, emulator, client) on {Environment.ProcessorCount} core(s)");

        var csv = Csv(numbers);
        Console.WriteLine($"  file: {csv.Length / 1024.0 / 1024.0:F1} MB CSV");
        var fields = new Dictionary<string, string>
        {
            ["Input.SignName"] = SandboxAccount.SignName,
            ["Input.TemplateId"] = setup.TemplateId.ToString(CultureInfo.InvariantCulture),
            ["Input.Variables[order]"] = "A1001",
        };
        await setup.Client.GetAsync("/console/send"); // warm the page and its token

        var clock = Stopwatch.StartNew();
        var preview = await setup.Client.PostMultipartAsync("/console/send?handler=Preview", fields, "Input.File", csv, "numbers.csv", "text/csv", formPath: "/console/send");
        var previewed = clock.Elapsed;
        fields["Input.Token"] = PreviewToken(preview.Html);
        var confirm = await setup.Client.PostFormAsync("/console/send?handler=Confirm", fields, formPath: "/console/send");
        var queued = clock.Elapsed;
        if (confirm.Location is null) throw new InvalidOperationException("Not accepted: " + confirm.Html[..Math.Min(2000, confirm.Html.Length)]);
        var taskId = await app.WithDbAsync(d => d.SendTasks.Select(t => t.Id).SingleAsync());
        Console.WriteLine($"  upload → queued: {queued.TotalSeconds:F2} s (preview {previewed.TotalSeconds:F2} s, confirm {(queued - previewed).TotalSeconds:F2} s)   target ≤ 6 s");

        TimeSpan? allSubmitted = null, firstReceipt = null, allReceipts = null;
        while (allReceipts is null)
        {
            await Task.Delay(100);
            if (allSubmitted is null && carrier.Counters.AcceptedMessages >= numbers) allSubmitted = clock.Elapsed;
            var task = await app.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
            var reported = task.DeliveredCount + task.FailedCount;
            if (firstReceipt is null && reported > 0) firstReceipt = clock.Elapsed;
            if (task.Status == SendTaskStatus.Completed) allReceipts = clock.Elapsed;
            if (clock.Elapsed > TimeSpan.FromMinutes(30)) throw new TimeoutException($"Not done after 30 min: {reported:N0} receipts, {carrier.Counters.AcceptedMessages:N0} at the carrier");
        }
        var sendSeconds = (allSubmitted!.Value - queued).TotalSeconds;
        var receiptSeconds = (allReceipts.Value - firstReceipt!.Value).TotalSeconds;
        Console.WriteLine($"  handed to the carrier: {numbers / sendSeconds:N0} numbers/s ({sendSeconds:F2} s, {carrier.Counters.AcceptedSendCalls:N0} calls)   target ≥ 100,000/s");
        var counters = carrier.Counters;
        var path = push
            ? $"HTTP push: {counters.ReportsPushed:N0} reports in {counters.PushRequests:N0} POSTs, {counters.PushFailures:N0} unacknowledged, {counters.PushesGivenUp:N0} given up; {counters.MnsReceived:N0} MNS messages read"
            : $"MNS: {counters.MnsReceived:N0} messages read";
        Console.WriteLine($"  receipts applied: {numbers / receiptSeconds:N0}/s ({receiptSeconds:F2} s, {path})   target ≥ 100,000/s");
        Console.WriteLine($"  peak working set of this process (host + emulator + client): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB   target ≤ 1 GB");
        var sentTwice = await app.WithDbAsync(d => d.SendRecords.CountAsync(r => r.Attempts > 1));
        Console.WriteLine($"  records claimed more than once: {sentTwice:N0}; carrier accepted {carrier.Counters.AcceptedMessages:N0} for {numbers:N0} numbers");
        var unsettled = await app.WithDbAsync(d => d.SendRecords.CountAsync(r =>
            r.Status == RecipientStatus.Queued || r.Status == RecipientStatus.Submitting || r.Status == RecipientStatus.Submitted));
        var exactlyOnce = sentTwice == 0 && unsettled == 0;
        Console.WriteLine($"  exactly-once: sent twice {sentTwice:N0}, unsettled {unsettled:N0} of {numbers:N0}: {(exactlyOnce ? "ok" : "FAILED")}");
        if (!exactlyOnce) Environment.ExitCode = 1;

        Console.WriteLine($"  beside Kannel (same run; PostgreSQL against SQLite needs two runs, docs/benchmarks.md):");
        Console.WriteLine($"    queued: {KannelPeer.Ratio(numbers / queued.TotalSeconds, kannel)}   target ≥ 20×");
        Console.WriteLine($"    handed to the carrier: {KannelPeer.Ratio(numbers / sendSeconds, kannel)}   target ≥ 13×");
        Console.WriteLine($"    receipts applied: {KannelPeer.Ratio(numbers / receiptSeconds, kannel)}   target ≥ 13×");
    }

    /// <summary>As api-single measures Kannel, so that its figure is the same yardstick in both.</summary>
    private const int KannelSeconds = 10, KannelConnections = 32;

    private static async Task<Uri> PushUrlAsync(QunfaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<PushTokenService>().GetOrCreateAsync(CancellationToken.None);
        return new Uri(app.RootUri, PushTokenService.ReportPath(token));
    }

    /// <summary>
    /// Several nodes on one PostgreSQL database: this process's host (web and workers) and worker-only nodes
    /// running Qunfa.Web.dll as processes of their own, all with the same emulator outside them.
    /// </summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private readonly List<NodeProcess> _workers = [];
        private Dictionary<string, string> _settings = [];
        private string? _workerCpus;

        public required TestDatabase Database { get; init; }
        public required Qunfa.Emulators.EmulatorHost Carrier { get; init; }

        public static async Task<Cluster> StartAsync(DatabaseKind db, int nodes, Dictionary<string, string> settings, string? workerCpus)
        {
            if (db != DatabaseKind.Postgres) throw new InvalidOperationException("Several nodes share a PostgreSQL database.");
            var carrier = await Qunfa.Emulators.EmulatorHost.StartAsync();
            Qunfa.Web.Features.Carrier.SandboxCarrier.SeedDemoAccount(carrier.State);
            var cluster = new Cluster { Database = await TestDatabase.CreateAsync(db), Carrier = carrier, _settings = SendingScenario.Settings(settings), _workerCpus = workerCpus };
            cluster._settings["Qunfa:Web:Enabled"] = "true";
            return cluster;
        }

        public async Task<SendingScenario.Setup> PrepareAsync(int balance)
        {
            var setup = await SendingScenario.PrepareAsync(QunfaApp.StartOn(Database, Carrier, _settings), balance);
            Carrier.State.SeedTemplate(SendingScenario.TemplateCode, SendingScenario.Content, templateType: 1);
            var workerOnly = new Dictionary<string, string>(_settings) { ["Qunfa:Web:Enabled"] = "false" };
            _workers.Add(await NodeProcess.StartAsync(Database, Carrier, workerOnly, CancellationToken.None, _workerCpus));
            return setup;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var worker in _workers) await worker.DisposeAsync();
            await Carrier.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    /// <summary>The test host finds Qunfa.Web's content root through a test assembly; a console program names it.</summary>
    public static void PointTestHostAtWebProject()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "Qunfa.Web"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Run the bench from within the repository.");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_QUNFA_WEB", Path.Combine(dir.FullName, "src", "Qunfa.Web"));
    }

    private static byte[] Csv(int numbers)
    {
        var text = new StringBuilder(numbers * 13);
        for (var i = 0; i < numbers; i++) text.Append("139").Append(i.ToString("D8", CultureInfo.InvariantCulture)).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The upload token a preview page carries into its confirm form.</summary>
    internal static string PreviewToken(string html)
    {
        var token = TokenPattern().Match(html);
        if (!token.Success) throw new InvalidOperationException("No preview: " + html[..Math.Min(2000, html.Length)]);
        return token.Groups[1].Value;
    }

    [GeneratedRegex("name=\"Input.Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex TokenPattern();
}
