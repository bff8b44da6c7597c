using Qunfa.Emulators.Alipay;

namespace Qunfa.Emulators;

/// <summary>The standalone emulator: `dotnet run --project src/Qunfa.Emulators -- --urls http://127.0.0.1:PORT`.</summary>
public static class EmulatorProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // One line per request would bury everything else: the platform's queue readers poll without pause.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(KestrelLimits.Apply);
        var products = new EmulatorOptions();
        builder.Configuration.GetSection("Emulator").Bind(products);
        if (ProductListeners.Urls(products).Any())
        {
            // UseUrls replaces --urls, so the main listener is named again beside the products' own.
            var main = (builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            builder.WebHost.UseUrls([.. main, .. ProductListeners.Urls(products).Select(u => u.GetLeftPart(UriPartial.Authority))]);
        }
        builder.Services.AddAliyunEmulator(o => builder.Configuration.GetSection("Emulator").Bind(o));
        builder.Services.AddAlipayEmulator(o => builder.Configuration.GetSection("Emulator:Alipay").Bind(o));
        var app = builder.Build();
        app.MapAliyunEmulator();
        app.MapAlipayEmulator();
        app.Run();
    }
}
