using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Admins;

namespace Qunfa.IntegrationTests;

public sealed class AdminLogTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Log_ListsTodaysActions_NewestFirst_WithReadableNames(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);
        await SetupScenario.LoginAsync(client);

        var page = await client.GetAsync("/admin/log");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var login = page.Html.IndexOf("管理员登录", page.Html.IndexOf("<tbody>", StringComparison.Ordinal), StringComparison.Ordinal);
        var setup = page.Html.IndexOf("完成初始化", page.Html.IndexOf("<tbody>", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(login > 0 && setup > login, "newest (login) before oldest (setup)");
        // The result cell itself: 成功 alone would also match a menu entry or any other text on the page.
        Assert.Contains("<td class=\"text-success\">成功</td>", page.Html);
        Assert.DoesNotContain("<td class=\"text-danger\">", page.Html);
    }

    [Fact]
    public async Task Log_AnotherDay_ShowsOnlyThatDay()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);
        await SetupScenario.LoginAsync(client);

        var page = await client.GetAsync("/admin/log?day=2019-09-10");

        Assert.Contains("暂无数据", page.Html);
        Assert.Contains("共0条", page.Html);
    }

    [Fact]
    public async Task Log_PagesTenPerPageByDefault()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);
        await SetupScenario.LoginAsync(client);
        await app.WithDbAsync(async d =>
        {
            for (var i = 0; i < 25; i++)
                d.AdminLog.Add(new AdminLogEntry { Action = AdminAction.UpdatePaymentSettings, At = DateTimeOffset.UtcNow, Ip = "10.0.0.1", Succeeded = true });
            return await d.SaveChangesAsync();
        });

        var first = await client.GetAsync("/admin/log");
        var third = await client.GetAsync("/admin/log?p=3");

        Assert.Equal(10, CountRows(first.Html));
        Assert.Equal(7, CountRows(third.Html));
        Assert.Contains("共27条", first.Html);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnknownAddress_IsIgnored_FromAConfiguredProxy_IsBelieved()
    {
        await using var untrusted = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        await using var trusted = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, new Dictionary<string, string> { ["Qunfa:KnownProxies:0"] = "127.0.0.1" });

        Assert.Equal("127.0.0.1", await LoggedIpAsync(untrusted));
        Assert.Equal("198.51.100.7", await LoggedIpAsync(trusted));
    }

    private static async Task<string> LoggedIpAsync(QunfaApp app)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new PageClient(new HttpClient(handler) { BaseAddress = app.RootUri });
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        await SetupScenario.CompleteAsync(client);
        return await app.WithDbAsync(d => d.AdminLog.Select(e => e.Ip).SingleAsync());
    }

    private static int CountRows(string html)
    {
        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];
        return body.Split("<tr>").Length - 1;
    }
}
