using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qunfa.Emulators;
using Qunfa.Web.Infrastructure.Cluster;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.IntegrationTests;

/// <summary>Several nodes on one database: shared keys, roles, periodic jobs that run on one node at a time.</summary>
public sealed partial class ClusterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoginAndFormOfOneNode_AreAcceptedByTheOther()
    {
        await using var carrier = await EmulatorHost.StartAsync(ct: Ct);
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var a = QunfaApp.StartOn(database, carrier);
        await using var b = QunfaApp.StartOn(database, carrier);
        // One browser: the same cookies go to whichever node the proxy picks.
        var cookies = new CookieContainer();
        using var onA = new PageClient(a.CreateDefaultClient(new CookieContainerHandler(cookies)));
        using var onB = new PageClient(b.CreateDefaultClient(new CookieContainerHandler(cookies)));
        await SetupScenario.CompleteWithSandboxAsync(onA);
        await SetupScenario.LoginAsync(onA);

        // Logged in on A, the admin's own page opens on B.
        var profile = await onB.GetAsync("/admin/settings/profile");
        Assert.True(profile.Status == HttpStatusCode.OK, $"{(int)profile.Status} {profile.Location}");

        var form = await onA.GetAsync("/admin/settings/profile");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(form.Html).Groups[1].Value);
        Assert.NotEmpty(token);
        var switched = await onB.PostWithoutTokenAsync("/culture", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/admin/settings/profile" }, forgedToken: token);
        Assert.True(switched.IsRedirectTo("/admin/settings/profile"), $"{(int)switched.Status} {switched.Location}");
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SecretEncryptedWithTheOldFileKeyRing_StillDecrypts(DatabaseKind db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        // What an install made before the key ring moved into the database: keys under {data}/keys.
        var legacy = new ServiceCollection();
        legacy.AddDataProtection().SetApplicationName("Qunfa").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.DataDirectory, SharedKeyRing.LegacyFolder)));
        string stored;
        await using (var old = legacy.BuildServiceProvider())
            stored = new SecretProtector(old.GetRequiredService<IDataProtectionProvider>()).Protect("ak-secret-before-upgrade");

        await using (var app = await StartOnAsync(database, new Dictionary<string, string>()))
        {
            Assert.Equal("ak-secret-before-upgrade", app.Services.GetRequiredService<SecretProtector>().Unprotect(stored));
            Assert.Equal(1, await app.WithDbAsync(d => d.DataProtectionKeys.CountAsync(Ct)));
        }
        // A second start imports nothing twice.
        await using (var again = await StartOnAsync(database, new Dictionary<string, string>()))
            Assert.Equal(1, await again.WithDbAsync(d => d.DataProtectionKeys.CountAsync(Ct)));
    }

    [Fact]
    public async Task NodesStartingTogetherOnAnEmptyDatabase_ShareOneKey()
    {
        await using var carrier = await EmulatorHost.StartAsync(ct: Ct);
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var starting = Enumerable.Range(0, 3).Select(_ => Task.Run(() => QunfaApp.StartOn(database, carrier), Ct)).ToList();
        var nodes = await Task.WhenAll(starting);
        try
        {
            Assert.Equal(1, await nodes[0].WithDbAsync(d => d.DataProtectionKeys.CountAsync(Ct)));
            var secret = nodes[0].Services.GetRequiredService<SecretProtector>().Protect("x");
            Assert.All(nodes, n => Assert.Equal("x", n.Services.GetRequiredService<SecretProtector>().Unprotect(secret)));
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task WorkersDisabled_NodeStartsNoWorker()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var carrier = await EmulatorHost.StartAsync(ct: Ct);
        await using (var full = QunfaApp.StartOn(database, carrier))
            Assert.Contains(WorkerTypes(full), t => t == "DispatchWorker" || t == "ReviewSyncWorker");
        await using var webOnly = QunfaApp.StartOn(database, carrier, new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" });

        Assert.Empty(WorkerTypes(webOnly));
        Assert.Contains(webOnly.Services.GetServices<IHostedService>(), s => s.GetType().Name == "CarrierRefreshService");
        using var client = webOnly.CreatePageClient();
        Assert.True((await client.GetAsync("/")).IsRedirectTo("/setup"));
    }

    [Fact]
    public async Task WebDisabled_NodeAnswersHealthOnly()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var carrier = await EmulatorHost.StartAsync(ct: Ct);
        await using var workerOnly = QunfaApp.StartOn(database, carrier, new Dictionary<string, string> { ["Qunfa:Web:Enabled"] = "false" });
        using var client = workerOnly.CreatePageClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup/license")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/balance")).Status);
        Assert.Contains(WorkerTypes(workerOnly), t => t == "DispatchWorker");
    }

    [Fact]
    public async Task PeriodicJob_RunsOnOneNodeAtATime()
    {
        await using var carrier = await EmulatorHost.StartAsync(ct: Ct);
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var a = QunfaApp.StartOn(database, carrier);
        await using var b = QunfaApp.StartOn(database, carrier);
        var lockA = a.Services.GetRequiredService<ClusterLock>();
        var lockB = b.Services.GetRequiredService<ClusterLock>();

        bool? ranOnB = null;
        var ranOnA = await lockA.RunAloneAsync("drill-job", async ct => ranOnB = await lockB.RunAloneAsync("drill-job", _ => Task.CompletedTask, ct), Ct);
        Assert.True(ranOnA);
        Assert.False(ranOnB);
        Assert.True(await lockB.RunAloneAsync("drill-job", _ => Task.CompletedTask, Ct));
        // Another job is not held back by this one.
        Assert.True(await lockA.RunAloneAsync("drill-job", ct => lockB.RunAloneAsync("other-job", _ => Task.CompletedTask, ct).ContinueWith(t => Assert.True(t.Result), ct), Ct));
    }

    private static async Task<QunfaApp> StartOnAsync(TestDatabase database, Dictionary<string, string> settings)
    {
        var carrier = await EmulatorHost.StartAsync(ct: Ct);
        var app = QunfaApp.StartOn(database, carrier, settings);
        await carrier.DisposeAsync();
        return app;
    }

    private static List<string> WorkerTypes(QunfaApp app) =>
        app.Services.GetServices<IHostedService>().Select(s => s.GetType()).Where(t => t.Namespace == "Qunfa.Web.Workers").Select(t => t.Name).ToList();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
