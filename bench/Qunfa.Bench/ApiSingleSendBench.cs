using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Testing;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.HttpApi;
using Qunfa.Web.Features.Settings;

namespace Qunfa.Bench;

/// <summary>
/// Single-number sends through the signed HTTP API (`POST /api/v1/sms/send`) from concurrent clients on
/// loopback, each accepted (charged, task and record written) before it is answered 202.
/// </summary>
public static class ApiSingleSendBench
{
    /// <param name="acceptOnly">Workers off: nothing is dispatched or settled meanwhile, so the figure is acceptance alone.</param>
    public static async Task RunAsync(int clients, TimeSpan duration, bool acceptOnly = false)
    {
        Console.WriteLine($"api-single: {clients} clients for {duration.TotalSeconds:F0} s, Sqlite, {Environment.ProcessorCount} cores{(acceptOnly ? ", workers off (acceptance alone)" : "")}");
        SendEndToEndBench.PointTestHostAtWebProject();
        var settings = new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" };
        if (acceptOnly) settings["Qunfa:Workers:Enabled"] = "false";
        var setup = await SendingScenario.PrepareAsync(await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, SendingScenario.Settings(settings)), balance: 10_000_000);
        await using var app = setup.App;
        ApiCredential key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (issued, _) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(setup.CustomerId, "bench", CancellationToken.None);
            key = new ApiCredential(issued!.Key.Id, setup.CustomerId, issued.Key.AccessKeyId, issued.Secret);
        }
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = app.RootUri };

        var accepted = 0;
        var refused = 0;
        var next = 0;
        async Task ClientAsync(Stopwatch clock, TimeSpan until)
        {
            while (clock.Elapsed < until)
            {
                var n = Interlocked.Increment(ref next);
                var phone = "139" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
                using var response = await http.SendAsync(Signed(key, phone));
                if ((int)response.StatusCode == 202) Interlocked.Increment(ref accepted);
                else Interlocked.Increment(ref refused);
            }
        }

        // Tiered compilation goes on optimising the hot paths for several seconds under this load; a server that
        // has run for a while is what is measured, not the first seconds after start.
        var warm = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ClientAsync(warm, TimeSpan.FromSeconds(15))));
        (accepted, refused) = (0, 0);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ClientAsync(clock, duration)));
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  accepted: {accepted / seconds:N0} sends/s ({accepted:N0} in {seconds:F1} s, {refused:N0} refused)   target ≥ 13,000/s");
        Console.WriteLine($"  peak working set (host + emulator + clients): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");
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
