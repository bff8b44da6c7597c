using System.Net;

namespace Qunfa.IntegrationTests;

public sealed class HostTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Healthz_AfterMigration_Is200(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Healthy", response.Html);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();

        using var response = await client.Http.GetAsync("/setup/license", TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Language_English_IsSelectableAndRemembered()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();

        var switched = await client.PostFormAsync("/culture", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/setup/license" }, formPath: "/setup/license");
        Assert.True(switched.IsRedirectTo("/setup/license"));

        var page = await client.GetAsync("/setup/license");
        Assert.Contains("Your name", page.Html);
        Assert.Contains("lang=\"en-US\"", page.Html);
    }
}
