using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Sms;
using Qunfa.Testing;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.HttpApi;
using Qunfa.Web.Features.Settings;

namespace Qunfa.Bench;

/// <summary>
/// Single-number sends from concurrent clients on loopback, each accepted (charged, task and record written and
/// committed) before it is answered: through the signed `POST /api/v1/sms/send`, or through the Alibaba-compatible
/// `SendSms` with our Alibaba client (the wire protocol of Alibaba's SDKs). Kannel's durable sendsms is measured first
/// in the same run, and the ratio printed.
/// </summary>
public static class ApiSingleSendBench
{
    public enum Path { Api, Compat }

    /// <param name="acceptOnly">Workers off: nothing is dispatched or settled meanwhile, so the figure is acceptance alone.</param>
    /// <param name="inProcessClients">Measure with .NET clients in this process (as before 2026-12-07) instead of wrk.</param>
    /// <param name="warmUp">How long the clients send before anything is measured.</param>
    public static async Task RunAsync(int clients, TimeSpan duration, DatabaseKind kind, Path path, bool acceptOnly, bool withKannel, bool inProcessClients, TimeSpan warmUp)
    {
        var kannel = withKannel ? await KannelPeer.MeasureAsync((int)duration.TotalSeconds, clients) : null;
        Console.WriteLine($"api-single: {clients} clients for {duration.TotalSeconds:F0} s, {kind}, {(path == Path.Api ? "/api/v1/sms/send" : "Alibaba-compatible SendSms")}, "
            + $"{Environment.ProcessorCount} cores{(acceptOnly ? ", workers off (acceptance alone)" : ", workers on (dispatch, receipts, sandbox carrier)")}");
        SendEndToEndBench.PointTestHostAtWebProject();
        // Why a batch ran again with savepoints, should one (the run's summary counts them).
        var settings = new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Qunfa.Web.Data.GroupCommit"] = "Information" };
        if (acceptOnly) settings["Qunfa:Workers:Enabled"] = "false";
        var setup = await SendingScenario.PrepareAsync(await QunfaApp.StartOnLoopbackAsync(kind, SendingScenario.Settings(settings)), balance: 10_000_000);
        await using var app = setup.App;
        ApiCredential key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (issued, _) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(setup.CustomerId, "bench", CancellationToken.None);
            key = new ApiCredential(issued!.Key.Id, setup.CustomerId, issued.Key.AccessKeyId, issued.Secret);
        }
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = app.RootUri };
        await using var aliyun = AliyunClient(app.RootUri, key, clients);
        var sms = aliyun.GetRequiredService<IAliyunSmsClient>();

        var accepted = 0;
        var refused = 0;
        var next = 0;
        async Task<bool> SendOneAsync(string phone)
        {
            if (path == Path.Compat)
                return (await sms.SendSmsAsync(new Qunfa.Aliyun.Sms.SendSmsRequest([phone], SandboxAccount.SignName, SendingScenario.TemplateCode,
                    new Dictionary<string, string> { ["order"] = "A1" }))).IsAccepted;
            using var response = await http.SendAsync(Signed(key, phone));
            return (int)response.StatusCode == 202;
        }
        async Task ClientAsync(Stopwatch clock, TimeSpan until, List<long> latencies)
        {
            while (clock.Elapsed < until)
            {
                var n = Interlocked.Increment(ref next);
                var phone = "139" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
                var started = Stopwatch.GetTimestamp();
                var ok = await SendOneAsync(phone);
                latencies.Add(Stopwatch.GetTimestamp() - started);
                if (ok) Interlocked.Increment(ref accepted);
                else Interlocked.Increment(ref refused);
            }
        }

        // Tiered compilation goes on optimising the hot paths under this load for longer than one would think: after
        // 15 s, 3,000–4,500 methods were still compiled during a PostgreSQL run with the workers on (2.4–4.5 s of JIT,
        // a quarter more CPU per send). A server that has run for a while is what is measured, not its first minute.
        var warm = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ClientAsync(warm, warmUp, [])));
        (accepted, refused) = (0, 0);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        double rate, p50, p99, seconds;
        if (inProcessClients)
        {
            var perClient = Enumerable.Range(0, clients).Select(_ => new List<long>(100_000)).ToArray();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(perClient.Select(l => ClientAsync(clock, duration, l)));
            seconds = clock.Elapsed.TotalSeconds;
            var all = perClient.SelectMany(l => l).Order().ToArray();
            double Ms(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))] * 1000.0 / Stopwatch.Frequency;
            (rate, p50, p99) = (accepted / seconds, Ms(0.50), Ms(0.99));
        }
        else
        {
            var signing = Stopwatch.StartNew();
            var signed = await WrkReplay.WriteAsync(await PresignAsync(app.RootUri, key, path, (int)(duration.TotalSeconds * PresignedPerSecond), next));
            Console.WriteLine($"  {signed.Count:N0} requests signed in {signing.Elapsed.TotalSeconds:F1} s; measuring");
            // The signed requests (about 1 KB each) are wrk's now: the host is measured without them on its heap.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            using var served = new ServerLatency(app.Services);
            var wrk = await WrkReplay.RunAsync(app.RootUri, signed, (int)duration.TotalSeconds, clients);
            if (wrk.RanOut) Console.WriteLine($"  ran out of pre-signed requests ({signed.Count:N0}): the replays were refused and are not counted");
            (accepted, refused, seconds) = ((int)wrk.Accepted, (int)wrk.Refused, wrk.Seconds);
            (rate, p50, p99) = (wrk.Rate, wrk.P50Ms, wrk.P99Ms);
            Console.WriteLine($"  wrk: {wrk.Details}");
            Console.WriteLine($"  served (Kestrel's http.server.request.duration, request read to response written): {served.Summary()}");
            Console.WriteLine($"  garbage collections during the run: {served.Collections()}");
            Console.WriteLine($"  writer: {served.Batches(accepted)}; JIT during the run: {served.Jit()}");
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var client = inProcessClients ? $"{clients} in-process clients" : $"wrk, {clients} connections, pre-signed requests";
        Console.WriteLine($"  accepted: {rate:N0} sends/s ({accepted:N0} in {seconds:F1} s, {refused:N0} refused; {client})");
        Console.WriteLine($"  latency: p50 {p50:F1} ms, p99 {p99:F1} ms");
        Console.WriteLine($"  CPU: {cpu.TotalMicroseconds / Math.Max(accepted, 1):N0} µs per accepted send (this process: host, workers, sandbox carrier{(inProcessClients ? " and the clients" : "; wrk runs apart, as for Kannel")})");
        Console.WriteLine($"  peak working set (host + emulator{(inProcessClients ? " + clients" : "")}): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");
        Console.WriteLine($"  api-single {kind} {path}{(acceptOnly ? " accept-only" : "")}: {KannelPeer.Ratio(rate, kannel)}");
    }

    /// <summary>More than this machine accepts per second, so that wrk does not run out.</summary>
    private const int PresignedPerSecond = 25_000;

    /// <summary>Signs each request as the customer's program would, with its own nonce and a number not used in the warm-up.</summary>
    private static async Task<IReadOnlyList<byte[]>> PresignAsync(Uri root, ApiCredential key, Path path, int count, int firstNumber)
    {
        var phones = Enumerable.Range(firstNumber + 1, count).Select(n => "139" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture)).ToArray();
        if (path == Path.Api)
            return phones.AsParallel().AsOrdered().Select(phone =>
            {
                using var request = Signed(key, phone);
                return WrkReplay.Raw(root, request, request.Content!.ReadAsByteArrayAsync().Result);
            }).ToList();
        var captured = new CapturingHandler(root);
        await using var aliyun = AliyunClient(root, key, 1, captured);
        var sms = aliyun.GetRequiredService<IAliyunSmsClient>();
        foreach (var phone in phones)
            await sms.SendSmsAsync(new Qunfa.Aliyun.Sms.SendSmsRequest([phone], SandboxAccount.SignName, SendingScenario.TemplateCode,
                new Dictionary<string, string> { ["order"] = "A1" }));
        return captured.Requests;
    }

    /// <summary>Keeps what our Alibaba client would put on the wire and answers as the carrier does, without a network.</summary>
    private sealed class CapturingHandler(Uri root) : HttpMessageHandler
    {
        public List<byte[]> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(ct);
            Requests.Add(WrkReplay.Raw(root, request, body));
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent("""{"Code":"OK","Message":"OK","BizId":"1","RequestId":"1"}""", Encoding.UTF8, "application/json"),
            };
        }
    }

    private static ServiceProvider AliyunClient(Uri root, ApiCredential key, int clients, HttpMessageHandler? primary = null)
    {
        var services = new ServiceCollection();
        services.AddQunfaAliyun(o =>
        {
            o.SmsEndpoint = new Uri(root, "/aliyun/");
            o.SignatureVersion = AliyunSignatureVersion.V1;
            o.AccessKeyId = key.AccessKeyId;
            o.AccessKeySecret = key.Secret;
            o.QueryRetryCount = 0;
        });
        services.ConfigureAll<Microsoft.Extensions.Http.HttpClientFactoryOptions>(o =>
            o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = primary ?? new SocketsHttpHandler { MaxConnectionsPerServer = clients }));
        return services.BuildServiceProvider();
    }

    private static HttpRequestMessage Signed(ApiCredential key, string phone)
    {
        const string Path = "/api/v1/sms/send";
        var body = Encoding.UTF8.GetBytes(
            $$$"""{"signName":"{{{SandboxAccount.SignName}}}","templateCode":"{{{SendingScenario.TemplateCode}}}","phoneNumbers":["{{{phone}}}"],"templateParam":{"order":"A1"}}""");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Guid.NewGuid().ToString("N");
        var signature = ApiRequestSigning.Sign(key.Secret, ApiRequestSigning.StringToSign("POST", Path, timestamp, nonce, body));
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(ApiRequestSigning.KeyHeader, key.AccessKeyId);
        request.Headers.Add(ApiRequestSigning.TimestampHeader, timestamp);
        request.Headers.Add(ApiRequestSigning.NonceHeader, nonce);
        request.Headers.Add(ApiRequestSigning.SignatureHeader, signature);
        return request;
    }
}
