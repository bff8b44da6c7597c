using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Qunfa.IntegrationTests;

/// <summary>
/// Sessions end on the server (issue 15, item 2): a cookie copied before 安全退出, a password reset or a freeze
/// opens nothing and changes nothing afterwards, on any node, because each request asks the database.
/// </summary>
public sealed class SessionRevocationTests
{
    private const string CustomerPhone = "13900139111";

    private static readonly Dictionary<string, string> Package = new()
    {
        ["Input.Name"] = "退出后创建",
        ["Input.Category"] = "General",
        ["Input.Size"] = "1000",
        ["Input.Price"] = "50",
        ["Input.ValidityMonths"] = "12",
        ["Input.Recommended"] = "false",
        ["Input.SortOrder"] = "0",
    };

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AdminLogout_CookieSavedBefore_NeitherOpensPagesNorCreatesAPackage(DatabaseKind db)
    {
        var (app, admin) = await PackageTests.AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        var token = await admin.TokenAsync("/admin/packages/add");
        var saved = admin.CopyCookies();
        using (var copy = app.CreatePageClient(admin.CopyCookies()))
            Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/admin/packages")).Status);

        Assert.True((await admin.PostFormAsync("/admin/logout", new Dictionary<string, string>(), formPath: "/admin/packages")).IsRedirectTo("/admin/login"));

        using var replay = app.CreatePageClient(saved);
        var page = await replay.GetAsync("/admin/packages");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/admin/login", page.Location);
        var create = await replay.PostWithoutTokenAsync("/admin/packages/add", Package, forgedToken: token);
        Assert.Contains("/admin/login", create.Location);
        Assert.False(await app.WithDbAsync(d => d.PackageProducts.AnyAsync()));
        Assert.False(await app.WithDbAsync(d => d.AuthSessions.AnyAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CustomerLogout_CookieSavedBefore_NeitherOpensTheConsoleNorCreatesAKey(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var customer = await RegisteredCustomerAsync(app);
        var token = await customer.TokenAsync("/console/api-keys");
        var saved = customer.CopyCookies();

        Assert.True((await customer.PostFormAsync("/console/logout", new Dictionary<string, string>(), formPath: "/console")).IsRedirectTo("/account/login"));

        using var replay = app.CreatePageClient(saved);
        var page = await replay.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/account/login", page.Location);
        var create = await replay.PostWithoutTokenAsync("/console/api-keys?handler=Create", new Dictionary<string, string> { ["Input.Name"] = "退出后" }, forgedToken: token);
        Assert.Contains("/account/login", create.Location);
        Assert.False(await app.WithDbAsync(d => d.ApiKeys.AnyAsync()));
    }

    [Fact]
    public async Task Logout_OnOneNode_EndsTheSessionOnTheOther()
    {
        await using var carrier = await Qunfa.Emulators.EmulatorHost.StartAsync(ct: TestContext.Current.CancellationToken);
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var a = QunfaApp.StartOn(database, carrier);
        await using var b = QunfaApp.StartOn(database, carrier);
        using var onA = a.CreatePageClient();
        await SetupScenario.CompleteAsync(onA);
        await SetupScenario.LoginAsync(onA);
        using var onB = b.CreatePageClient(onA.CopyCookies());
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/admin/packages")).Status);

        await onA.PostFormAsync("/admin/logout", new Dictionary<string, string>(), formPath: "/admin/packages");

        Assert.Contains("/admin/login", (await onB.GetAsync("/admin/packages")).Location);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AdminLogout_EndsOnlyThatBrowsersSession(DatabaseKind db)
    {
        var (app, admin) = await PackageTests.AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        using var other = app.CreatePageClient();
        await SetupScenario.LoginAsync(other);

        await admin.PostFormAsync("/admin/logout", new Dictionary<string, string>(), formPath: "/admin/packages");

        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/admin/packages")).Status);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PasswordReset_EndsTheSessionsOpenedBefore(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var customer = await RegisteredCustomerAsync(app);
        var saved = customer.CopyCookies();

        using var forgetful = app.CreatePageClient();
        await app.WithDbAsync(d => d.PhoneCodeGates.ExecuteUpdateAsync(s => s.SetProperty(g => g.LastSentAt, DateTimeOffset.UtcNow.AddMinutes(-2))));
        CustomerScenario.Sandbox(app).Options.VerificationFlowControl = false;
        Assert.Contains("验证码已发送", (await CustomerScenario.SendCodeAsync(forgetful, "/account/reset", CustomerPhone)).Html);
        var reset = new Dictionary<string, string>
        {
            ["Input.Phone"] = CustomerPhone,
            ["Input.Code"] = CustomerScenario.LastCode(app, CustomerPhone)!,
            ["Input.Password"] = "N3wPassword",
            ["Input.ConfirmPassword"] = "N3wPassword",
        };
        Assert.True((await forgetful.PostFormAsync("/account/reset", reset)).IsRedirectTo("/account/login"));

        using var replay = app.CreatePageClient(saved);
        Assert.Contains("/account/login", (await replay.GetAsync("/console")).Location);
        Assert.Contains("/account/login", (await customer.GetAsync("/console/api-keys")).Location);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Freeze_EndsTheCustomersSession_WhoMayLogInAgainToSeeWhy(DatabaseKind db)
    {
        var (app, admin) = await PackageTests.AdminAsync(db, sandbox: true);
        await using var _ = app;
        using var __ = admin;
        using var customer = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, customer, CustomerPhone, "session@example.com");
        var id = await app.WithDbAsync(d => d.Customers.Select(c => c.Id).SingleAsync());

        var frozen = await admin.PostFormAsync($"/admin/customers/freeze?id={id}&handler=Freeze", new Dictionary<string, string>(), formPath: $"/admin/customers/freeze?id={id}");
        Assert.True(frozen.IsRedirectTo("/admin/customers"));

        Assert.Contains("/account/login", (await customer.GetAsync("/console")).Location);
        var login = new Dictionary<string, string> { ["Account"] = CustomerPhone, ["Password"] = CustomerScenario.Password };
        Assert.True((await customer.PostFormAsync("/account/login", login)).IsRedirectTo("/console"));
        Assert.Contains("您的账号已被冻结", (await customer.GetAsync("/console")).Html);
    }

    private static async Task<PageClient> RegisteredCustomerAsync(QunfaApp app)
    {
        using (var setup = app.CreatePageClient())
            await SetupScenario.CompleteWithSandboxAsync(setup);
        var customer = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, customer, CustomerPhone, "session@example.com");
        return customer;
    }
}
