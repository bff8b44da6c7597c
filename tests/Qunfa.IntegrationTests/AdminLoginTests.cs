using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Admins;

namespace Qunfa.IntegrationTests;

public sealed class AdminLoginTests
{
    private static Dictionary<string, string> Credentials(string account, string password) =>
        new() { ["Account"] = account, ["Password"] = password };

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AdminPages_Anonymous_RedirectToLogin(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);

        foreach (var path in new[] { "/admin", "/admin/settings/profile", "/admin/settings/carrier", "/admin/settings/carrieredit", "/admin/settings/payment", "/admin/log" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.Status);
            Assert.Contains("/admin/login", response.Location);
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Login_ByPhone_Succeeds_AndLogoutEndsTheSession(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);

        var login = await client.PostFormAsync("/admin/login", Credentials(SetupScenario.AdminPhone, SetupScenario.AdminPassword));
        Assert.True(login.IsRedirectTo("/admin"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/log")).Status);

        var logout = await client.PostFormAsync("/admin/logout", new Dictionary<string, string>(), formPath: "/admin/log");
        Assert.True(logout.IsRedirectTo("/admin/login"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/log")).Status);

        var actions = await app.WithDbAsync(d => d.AdminLog.Select(e => e.Action).ToListAsync());
        Assert.Contains(AdminAction.Login, actions);
        Assert.Contains(AdminAction.Logout, actions);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Login_FiveWrongPasswords_LocksEvenTheRightOneFor15Minutes(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);

        for (var i = 0; i < 4; i++)
            Assert.Contains("账号或密码错误", (await client.PostFormAsync("/admin/login", Credentials(SetupScenario.AdminEmail, "Wrong0ne!"))).Html);
        Assert.Contains("账号已锁定15分钟", (await client.PostFormAsync("/admin/login", Credentials(SetupScenario.AdminEmail, "Wrong0ne!"))).Html);

        var right = await client.PostFormAsync("/admin/login", Credentials(SetupScenario.AdminEmail, SetupScenario.AdminPassword));
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains("账号已锁定15分钟", right.Html);
        var lockedUntil = await app.WithDbAsync(d => d.AdminUsers.Select(a => a.LockedUntil).SingleAsync());
        Assert.NotNull(lockedUntil);
        Assert.InRange(lockedUntil.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(6, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.Login && !e.Succeeded)));
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);

        var missing = await client.PostWithoutTokenAsync("/admin/login", Credentials(SetupScenario.AdminEmail, SetupScenario.AdminPassword));
        var forged = await client.PostWithoutTokenAsync("/admin/login", Credentials(SetupScenario.AdminEmail, SetupScenario.AdminPassword), forgedToken: "CfDJ8forged");

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Contains("页面已过期或请求无效，没有做任何更改", forged.Html);
        Assert.Equal(0, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.Login)));
    }

    [Fact]
    public async Task Login_ReturnUrlOutsideTheAdmin_IsIgnored()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);

        var fields = Credentials(SetupScenario.AdminEmail, SetupScenario.AdminPassword);
        fields["ReturnUrl"] = "//evil.example.com/";
        var response = await client.PostFormAsync("/admin/login", fields);

        Assert.True(response.IsRedirectTo("/admin"));
    }
}
