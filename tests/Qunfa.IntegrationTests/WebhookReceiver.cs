using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Qunfa.IntegrationTests;

/// <summary>A customer's callback endpoint on a loopback Kestrel: records every POST and answers with the status it is told.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Body, string? Timestamp, string? Signature, int AnsweredWith);

    private readonly WebApplication _app;
    private int _count;

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The status to answer the n-th request with (1-based).</summary>
    public Func<int, int> Answer { get; set; } = _ => StatusCodes.Status200OK;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var status = receiver!.Answer(Interlocked.Increment(ref receiver._count));
            receiver.Requests.Enqueue(new Received(body, context.Request.Headers["X-Qunfa-Timestamp"], context.Request.Headers["X-Qunfa-Signature"], status));
            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(address.TrimEnd('/') + "/hook"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
