using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Qunfa.IntegrationTests;

/// <summary>接口密钥 in the customer console: create (secret shown once), list, revoke, and isolation between customers.</summary>
public sealed partial class ApiKeyPageTests
{
    private const string Page = "/console/api-keys";

    private static async Task<(QunfaApp App, PageClient Client)> StartAsync(DatabaseKind db)
    {
        var app = await QunfaApp.StartAsync(db);
        var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.RegisterAsync(app, client, "13800000000", "keys@example.com");
        return (app, client);
    }

    private static Task<PageResponse> CreateAsync(PageClient client, string name) =>
        client.PostFormAsync(Page + "?handler=Create", new Dictionary<string, string> { ["Input.Name"] = name }, formPath: Page);

    private static string Secret(PageResponse page)
    {
        var match = SecretPattern().Match(page.Html);
        Assert.True(match.Success, "No secret on the page: " + page.Html);
        return match.Groups[1].Value;
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_ShowsTheSecretOnce_AndTheListShowsOnlyItsHint(DatabaseKind db)
    {
        var (app, client) = await StartAsync(db);
        await using var _ = app;
        using var __ = client;

        var created = await CreateAsync(client, "财务对账程序");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        var secret = Secret(created);
        Assert.Equal(32, secret.Length);
        Assert.Contains("只显示这一次", created.Html);
        var key = await app.WithDbAsync(d => d.ApiKeys.SingleAsync());
        Assert.Equal("财务对账程序", key.Name);
        Assert.Contains(key.AccessKeyId, created.Html);

        var list = await client.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains(key.AccessKeyId, list.Html);
        Assert.Contains("****" + secret[^4..], list.Html);
        Assert.DoesNotContain(secret, list.Html);
        Assert.Contains("/api/docs", list.Html);
        Assert.Contains("X-Qunfa-Signature", list.Html);
        // Stored encrypted only.
        Assert.DoesNotContain(secret, await app.DumpAllTablesAsync());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_WithoutAName_IsRefused_AndCreatesNothing(DatabaseKind db)
    {
        var (app, client) = await StartAsync(db);
        await using var _ = app;
        using var __ = client;

        var page = await CreateAsync(client, "  ");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("请填写密钥名称（不超过32个字符）", page.Html);
        Assert.DoesNotMatch(SecretPattern(), page.Html);
        Assert.False(await app.WithDbAsync(d => d.ApiKeys.AnyAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Revoke_StopsTheKey_AndAnotherCustomerGetsNotFound(DatabaseKind db)
    {
        var (app, client) = await StartAsync(db);
        await using var _ = app;
        using var __ = client;
        await CreateAsync(client, "财务对账程序");
        var keyId = await app.WithDbAsync(d => d.ApiKeys.Select(k => k.Id).SingleAsync());

        using var other = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, other, "13800000001", "other@example.com", "另一家企业");
        var foreign = await other.PostFormAsync($"{Page}?handler=Revoke&id={keyId}", new Dictionary<string, string>(), formPath: Page);
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Null(await app.WithDbAsync(d => d.ApiKeys.Select(k => k.RevokedAt).SingleAsync()));
        Assert.DoesNotContain("财务对账程序", (await other.GetAsync(Page)).Html);

        var revoked = await client.PostFormAsync($"{Page}?handler=Revoke&id={keyId}", new Dictionary<string, string>(), formPath: Page);

        Assert.True(revoked.IsRedirectTo(Page), revoked.Location);
        Assert.NotNull(await app.WithDbAsync(d => d.ApiKeys.Select(k => k.RevokedAt).SingleAsync()));
        var list = await client.GetAsync(Page);
        Assert.Contains("已停用", list.Html);
        Assert.DoesNotContain("?handler=Revoke", list.Html);
        // Revoking twice finds nothing to revoke.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"{Page}?handler=Revoke&id={keyId}", new Dictionary<string, string>(), formPath: Page)).Status);
    }

    [Fact]
    public async Task Revoke_WithoutTheAntiforgeryToken_IsRefused()
    {
        var (app, client) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        await CreateAsync(client, "财务对账程序");
        var keyId = await app.WithDbAsync(d => d.ApiKeys.Select(k => k.Id).SingleAsync());

        var forged = await client.PostWithoutTokenAsync($"{Page}?handler=Revoke&id={keyId}", new Dictionary<string, string>());

        Assert.NotEqual(HttpStatusCode.Redirect, forged.Status);
        Assert.Null(await app.WithDbAsync(d => d.ApiKeys.Select(k => k.RevokedAt).SingleAsync()));
    }

    [GeneratedRegex("data-testid=\"issued-secret\">([^<]+)<")]
    private static partial Regex SecretPattern();
}
