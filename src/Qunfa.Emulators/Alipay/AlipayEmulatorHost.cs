using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Qunfa.Emulators.Alipay;

/// <summary>A real Kestrel server on loopback running only the Alipay emulator, for tests.</summary>
public sealed class AlipayEmulatorHost : IAsyncDisposable
{
    public const string Prefix = "/alipay";

    private readonly WebApplication _app;

    private AlipayEmulatorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        State = app.Services.GetRequiredService<AlipayEmulatorState>();
    }

    public Uri BaseAddress { get; }

    /// <summary>Put this in both gateway settings (MD5 and RSA2).</summary>
    public Uri GatewayUrl => new(BaseAddress, Prefix.TrimStart('/') + "/gateway.do");

    public AlipayEmulatorState State { get; }

    public static async Task<AlipayEmulatorHost> StartAsync(Action<AlipayEmulatorOptions>? configure = null, string url = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AlipayEmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.Services.AddAlipayEmulator(configure);
        var app = builder.Build();
        app.MapAlipayEmulator(Prefix);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AlipayEmulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
