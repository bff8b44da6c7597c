using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Features.Customers;

namespace Qunfa.IntegrationTests;

/// <summary>账号设置 (password, company/contact/email), the language switch and the first-steps checklist of the console.</summary>
public sealed partial class ConsoleAccountSettingsTests
{
    private const string NewPassword = "N3wPassw0rd!";

    private static async Task<(QunfaApp App, PageClient Client)> CustomerAsync(DatabaseKind db, string phone = "13600000001", string email = "me@example.com")
    {
        var app = await QunfaApp.StartAsync(db);
        var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.RegisterAsync(app, client, phone, email, "甲企业");
        return (app, client);
    }

    private static Task<PageResponse> LoginAsync(PageClient client, string account, string password) =>
        client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Account"] = account, ["Password"] = password });

    private static Task<PageResponse> ChangePasswordAsync(PageClient client, string current, string password, string? confirm = null) =>
        client.PostFormAsync("/console/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });

    [Fact]
    public async Task LanguageSwitch_InTheConsole_SwitchesToEnglishAndBack()
    {
        var (app, client) = await CustomerAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;

        var home = await client.GetAsync("/console");
        var action = SwitchAction().Match(home.Html).Groups[1].Value;
        var english = await client.PostFormAsync(action, new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/console" }, formPath: "/console");
        Assert.True(english.IsRedirectTo("/console"), $"{(int)english.Status} {english.Location}");
        var inEnglish = await client.GetAsync("/console");
        Assert.Contains("<html lang=\"en-US\">", inEnglish.Html);
        Assert.Contains(">Home<", inEnglish.Html);

        var chinese = await client.PostFormAsync(SwitchAction().Match(inEnglish.Html).Groups[1].Value,
            new Dictionary<string, string> { ["culture"] = "zh-CN", ["returnUrl"] = "/console" }, formPath: "/console");
        Assert.True(chinese.IsRedirectTo("/console"), $"{(int)chinese.Status} {chinese.Location}");
        Assert.Contains("<html lang=\"zh-CN\">", (await client.GetAsync("/console")).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ChangePassword_NeedsTheCurrentOne_FollowsTheRules_AndEndsTheOtherSessions(DatabaseKind db)
    {
        var (app, client) = await CustomerAsync(db);
        await using var _ = app;
        using var __ = client;
        using var elsewhere = app.CreatePageClient();
        Assert.True((await LoginAsync(elsewhere, "me@example.com", CustomerScenario.Password)).IsRedirectTo("/console"));
        var hashBefore = await app.WithDbAsync(d => d.Customers.Select(c => c.PasswordHash).SingleAsync());

        Assert.Contains(CustomerSettingsService.WrongCurrentPasswordMessage, (await ChangePasswordAsync(client, "wrong-one1", NewPassword)).Html);
        Assert.Contains("密码需包含数字、字母、标点符号中的至少两种", (await ChangePasswordAsync(client, CustomerScenario.Password, "abcdefgh")).Html);
        Assert.Contains("两次输入的密码不一致", (await ChangePasswordAsync(client, CustomerScenario.Password, NewPassword, "Other0ne!")).Html);
        Assert.Equal(hashBefore, await app.WithDbAsync(d => d.Customers.Select(c => c.PasswordHash).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/console")).Status);

        var changed = await ChangePasswordAsync(client, CustomerScenario.Password, NewPassword);
        Assert.True(changed.IsRedirectTo("/console/account"), $"{(int)changed.Status} {changed.Location}");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console")).Status);
        Assert.Contains("/account/login", (await elsewhere.GetAsync("/console")).Location ?? "");
        using var fresh = app.CreatePageClient();
        Assert.False((await LoginAsync(fresh, "me@example.com", CustomerScenario.Password)).IsRedirectTo("/console"));
        Assert.True((await LoginAsync(fresh, "me@example.com", NewPassword)).IsRedirectTo("/console"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Profile_ChangesCompanyContactAndEmail_RefusesBadOrTakenValues(DatabaseKind db)
    {
        var (app, client) = await CustomerAsync(db);
        await using var _ = app;
        using var __ = client;
        using var other = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, other, "13600000002", "taken@example.com", "乙企业");
        Assert.Contains("value=\"甲企业\"", (await client.GetAsync("/console/account/profile")).Html);

        Dictionary<string, string> Profile(string company, string contact, string email) => new()
        {
            ["Input.CompanyName"] = company, ["Input.ContactName"] = contact, ["Input.Email"] = email,
        };
        Assert.Contains(CustomerAccountService.EmailTakenMessage, (await client.PostFormAsync("/console/account/profile", Profile("新名称", "王五", "TAKEN@example.com"))).Html);
        Assert.Contains(Qunfa.Web.Domain.Accounts.ContactRules.EmailMessage, (await client.PostFormAsync("/console/account/profile", Profile("新名称", "王五", "not-an-email"))).Html);
        Assert.Contains("请填写企业名称", (await client.PostFormAsync("/console/account/profile", Profile("", "王五", "new@example.com"))).Html);
        Assert.Equal("甲企业", await app.WithDbAsync(d => d.Customers.Where(c => c.Phone == "13600000001").Select(c => c.CompanyName).SingleAsync()));

        var saved = await client.PostFormAsync("/console/account/profile", Profile("甲企业（新）", "王五", "New@Example.com"));
        Assert.True(saved.IsRedirectTo("/console/account"), $"{(int)saved.Status} {saved.Location}");
        var me = await app.WithDbAsync(d => d.Customers.AsNoTracking().SingleAsync(c => c.Phone == "13600000001"));
        Assert.Equal(("甲企业（新）", "王五", "new@example.com"), (me.CompanyName, me.ContactName, me.Email));
        var account = await client.GetAsync("/console/account");
        Assert.Contains("甲企业（新）", account.Html);
        Assert.Contains("new@example.com", account.Html);
        Assert.Equal("乙企业", await app.WithDbAsync(d => d.Customers.Where(c => c.Phone == "13600000002").Select(c => c.CompanyName).SingleAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Checklist_TicksEachFirstStep_AndDisappearsOnceTheFirstSendIsMade(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        using var newcomer = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, newcomer, "13600000009", "new@example.com", "新企业");

        var fresh = Steps((await newcomer.GetAsync("/console")).Html);
        Assert.Equal(["/console/qualification", "/console/signatures/apply", "/console/templates/apply", "/console/packages/buy", "/console/send"], fresh.Keys.ToArray());
        Assert.All(fresh.Values, done => Assert.False(done));

        // The sending customer has an approved signature and template and a package, but has not sent yet.
        var ready = Steps((await s.Client.GetAsync("/console")).Html);
        Assert.Equal([true, true, true, true, false], ready.Values.ToArray());

        await SendingScenario.SendAsync(s, "13912345678");
        Assert.DoesNotContain("data-testid=\"onboarding\"", (await s.Client.GetAsync("/console")).Html);
        Assert.Contains("data-testid=\"onboarding\"", (await newcomer.GetAsync("/console")).Html);
    }

    private static Dictionary<string, bool> Steps(string html)
    {
        Assert.Contains("data-testid=\"onboarding\"", html);
        return StepPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value == "true");
    }

    [GeneratedRegex("data-step=\"([^\"]+)\" data-done=\"(true|false)\"")]
    private static partial Regex StepPattern();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\" class=\"d-inline\">\\s*<input type=\"hidden\" name=\"returnUrl\"")]
    private static partial Regex SwitchAction();
}
