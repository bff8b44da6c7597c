using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Qunfa.Emulators;

/// <summary>A real Kestrel server on loopback running only the emulator, for tests and the benchmark.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        State = app.Services.GetRequiredService<EmulatorState>();
    }

    public Uri BaseAddress { get; }

    public EmulatorState State { get; }

    public static async Task<EmulatorHost> StartAsync(Action<EmulatorOptions>? configure = null, string url = "http://127.0.0.1:0", CancellationToken ct = default)
    {
        // Product listeners are bound beside the main one, so their ports are settled before the options are built.
        var listeners = new EmulatorOptions();
        configure?.Invoke(listeners);
        ProductListeners.PickFreePorts(listeners);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls([url, .. ProductListeners.Urls(listeners).Select(u => u.GetLeftPart(UriPartial.Authority))]);
        builder.WebHost.ConfigureKestrel(KestrelLimits.Apply);
        builder.Services.AddAliyunEmulator(o =>
        {
            configure?.Invoke(o);
            o.DysmsapiUrl = listeners.DysmsapiUrl;
            o.DybaseapiUrl = listeners.DybaseapiUrl;
            o.MnsUrl = listeners.MnsUrl;
        });
        var app = builder.Build();
        app.MapAliyunEmulator();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public void InjectSmsUp(string phoneNumber, string content, string signName, string? destCode = null) =>
        State.InjectSmsUp(phoneNumber, content, signName, destCode);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
