using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Qunfa.Aliyun.Tests.Emulator;

/// <summary>The operator's push URL on a real loopback Kestrel: records every POST and answers as told.</summary>
internal sealed class PushReceiver : IAsyncDisposable
{
    public const string Acknowledgement = "{\"code\":0,\"msg\":\"接收成功\"}";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedPush> _received = new();
    private int _count;

    private PushReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The answer to the n-th POST (1-based); the acknowledgement by default.</summary>
    public Func<int, CancellationToken, Task<(int Status, string Body)>> Answer { get; set; } =
        (_, _) => Task.FromResult((200, Acknowledgement));

    public IReadOnlyList<ReceivedPush> Received => [.. _received];

    public static async Task<PushReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        PushReceiver? receiver = null;
        app.MapPost("/push/sms-report", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var n = Interlocked.Increment(ref receiver!._count);
            receiver._received.Enqueue(new ReceivedPush(n, context.Request.ContentType, body));
            var (status, answer) = await receiver.Answer(n, context.RequestAborted);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer, context.RequestAborted);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new PushReceiver(app, new Uri(address.TrimEnd('/') + "/push/sms-report"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ReceivedPush(int Number, string? ContentType, string Body)
{
    public IReadOnlyList<JsonElement> Reports => JsonDocument.Parse(Body).RootElement.EnumerateArray().ToList();
}
