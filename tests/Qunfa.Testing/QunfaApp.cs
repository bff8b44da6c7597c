using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Qunfa.Web.Data;

namespace Qunfa.Testing;

/// <summary>
/// The real platform in-process on a database of the test's own. <see cref="StartAsync"/> serves it
/// in memory; <see cref="StartOnLoopbackAsync"/> on a random loopback port for a real browser.
/// </summary>
public sealed class QunfaApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly Dictionary<string, string> _settings;
    private readonly bool _ownsDatabase = true;
    private bool _onLoopback;
    private TimeProvider? _clock;

    static QunfaApp()
    {
        // Dozens of hosts run side by side in one test process; each file watcher takes one of the
        // user's few inotify instances (128 on Debian), so configuration is not watched and files are polled.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private QunfaApp(TestDatabase database, IDictionary<string, string>? settings, bool ownsDatabase = true)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _settings = new Dictionary<string, string>(database.Settings)
        {
            ["Logging:LogLevel:Default"] = "Warning",
            // EF probes for the migrations table before creating it and logs the expected failure as an error.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
            // The 安装码 block every fresh host prints would fill the output of each failing test.
            ["Logging:LogLevel:Qunfa.Setup"] = "Error",
            // Dozens of test hosts share the machine; each keeps the 16 queue readers the tests were written with.
            ["Qunfa:Sending:ReceiptReaders"] = "16",
            // The wizard's 安装码 is random in production; the tests type a known one (honoured only in Testing).
            [Qunfa.Web.Features.Setup.SetupCodeIssuer.TestCodeKey] = SetupScenario.SetupCode,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            _settings[key] = value;
    }

    public TestDatabase Database => _database;

    public CapturedLogs Logs { get; } = new();

    /// <summary>The emulator this host's sandbox carrier points at when it runs outside the host (Qunfa:Sandbox:EmulatorUrl).</summary>
    public Qunfa.Emulators.EmulatorHost? ExternalCarrier { get; private init; }

    /// <summary>
    /// A host on a database that outlives it: one node of several, or one node and its restarts. With
    /// <paramref name="carrier"/>, the sandbox carrier is that emulator, so that the carrier, too, outlives the host;
    /// without, the host runs its own in-process sandbox carrier.
    /// </summary>
    public static QunfaApp StartOn(TestDatabase database, Qunfa.Emulators.EmulatorHost? carrier = null, IDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        if (carrier is not null) all[Qunfa.Web.Features.Carrier.SandboxCarrier.EmulatorUrlKey] = carrier.BaseAddress.ToString();
        var app = new QunfaApp(database, all, ownsDatabase: false) { ExternalCarrier = carrier };
        _ = app.Server;
        return app;
    }

    /// <summary>A host on a new database; <paramref name="clock"/> replaces the host's TimeProvider (e.g. a <see cref="ShiftedClock"/>).</summary>
    public static async Task<QunfaApp> StartAsync(DatabaseKind kind, IDictionary<string, string>? settings = null, TimeProvider? clock = null)
    {
        var app = new QunfaApp(await TestDatabase.CreateAsync(kind), settings) { _clock = clock };
        _ = app.Server; // starts the host, so migrations have run when this returns
        return app;
    }

    public static async Task<QunfaApp> StartOnLoopbackAsync(DatabaseKind kind, IDictionary<string, string>? settings = null)
    {
        var app = new QunfaApp(await TestDatabase.CreateAsync(kind), settings);
        app.UseKestrel(0);
        app.StartServer();
        app._onLoopback = true;
        return app;
    }

    /// <summary>The loopback address when served by Kestrel.</summary>
    public Uri RootUri => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Host settings (not app configuration) reach Program before the builder is built.
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_clock is { } clock)
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            });
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>
    /// A client that keeps cookies (in <paramref name="cookies"/> when given, e.g. a copy of another client's) and
    /// shows redirects instead of following them.
    /// </summary>
    public PageClient CreatePageClient(System.Net.CookieContainer? cookies = null)
    {
        cookies ??= new System.Net.CookieContainer();
        return _onLoopback
            // A client of the factory on Kestrel follows redirects whatever it is told; this one goes over the real port.
            ? new(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = RootUri }, cookies)
            : new(CreateDefaultClient(ClientOptions.BaseAddress, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies)), cookies);
    }

    public async Task<T> WithDbAsync<T>(Func<QunfaDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<QunfaDbContext>());
    }

    /// <summary>Every value in every table as text, to prove what is and is not stored in clear.</summary>
    public Task<string> DumpAllTablesAsync() => WithDbAsync(async db =>
    {
        var text = new System.Text.StringBuilder();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).Where(t => t is not null).Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    text.Append(reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] b ? Convert.ToBase64String(b) : reader.GetValue(i)?.ToString()).Append('\n');
        }
        return text.ToString();
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) await _database.DisposeAsync();
    }
}
