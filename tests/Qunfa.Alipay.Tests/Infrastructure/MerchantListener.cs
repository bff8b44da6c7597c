using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qunfa.Alipay.Common;

namespace Qunfa.Alipay.Tests.Infrastructure;

/// <summary>The merchant's notify_url on a real loopback Kestrel: records every notification and answers as told.</summary>
internal sealed class MerchantListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<IReadOnlyList<KeyValuePair<string, string>>> _received = Channel.CreateUnbounded<IReadOnlyList<KeyValuePair<string, string>>>();
    private int _count;

    private MerchantListener(WebApplication app, Uri baseAddress)
    {
        _app = app;
        NotifyUrl = new Uri(baseAddress, "pay/alipay/notify");
        ReturnUrl = new Uri(baseAddress, "pay/alipay/return");
    }

    public Uri NotifyUrl { get; }

    public Uri ReturnUrl { get; }

    /// <summary>Body to answer for the n-th notification (1-based); "success" by default. Ignored when <see cref="Respond"/> is set.</summary>
    public Func<int, string> Answer { get; set; } = _ => "success";

    /// <summary>Answers like a real merchant would, e.g. after verifying the notification inside the request.</summary>
    public Func<IReadOnlyList<KeyValuePair<string, string>>, int, Task<string>>? Respond { get; set; }

    public int Count => Volatile.Read(ref _count);

    public static async Task<MerchantListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        MerchantListener? listener = null;
        app.MapPost("/pay/alipay/notify", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var n = Interlocked.Increment(ref listener!._count);
            var parameters = AlipayParameters.ParseQuery(body);
            await listener._received.Writer.WriteAsync(parameters);
            var answer = listener.Respond is { } respond ? await respond(parameters, n) : listener.Answer(n);
            await context.Response.WriteAsync(answer);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener = new MerchantListener(app, new Uri(address.TrimEnd('/') + "/"));
        return listener;
    }

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(cts.Token);
    }

    public bool TryTake(out IReadOnlyList<KeyValuePair<string, string>>? notification) => _received.Reader.TryRead(out notification);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
