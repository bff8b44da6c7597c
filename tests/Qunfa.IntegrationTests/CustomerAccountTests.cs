using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.IntegrationTests;

public sealed class CustomerAccountTests
{
    private const string Phone = "13900139000";
    private const string Email = "buyer@example.com";

    private static async Task<(QunfaApp App, PageClient Client)> SandboxAsync(DatabaseKind db)
    {
        var app = await QunfaApp.StartAsync(db);
        var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        return (app, client);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Register_WithTheCodeTheCarrierDelivered_CreatesTheCustomerAndSignsIn(DatabaseKind db)
    {
        var (app, client) = await SandboxAsync(db);
        await using var _ = app;
        using var __ = client;

        var sent = await CustomerScenario.SendCodeAsync(client, "/account/register", Phone);
        Assert.Contains("验证码已发送至139****9000", sent.Html);
        // The re-shown form must post to registration itself, not to the code handler it came from.
        Assert.Contains("action=\"/account/register\"", sent.Html);
        var message = Assert.Single(CustomerScenario.Sandbox(app).MessagesTo(Phone));
        Assert.Equal("群发沙箱", message.SignName);
        Assert.Matches(@"^【群发沙箱】您的验证码为\d{6}，5分钟内有效", message.Content);

        var fields = CustomerScenario.Registration(Phone, Email);
        fields["Input.Code"] = CustomerScenario.LastCode(app, Phone)!;
        Assert.True((await client.PostFormAsync("/account/register", fields)).IsRedirectTo("/console"));

        var home = await client.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains(Email, home.Html);
        var customer = await app.WithDbAsync(d => d.Customers.SingleAsync());
        Assert.Equal(5, customer.SignatureLimit);
        Assert.DoesNotContain(fields["Input.Code"], await app.DumpAllTablesAsync());
    }

    [Fact]
    public async Task SendCode_AgainWithin60Seconds_IsRefused()
    {
        var (app, client) = await SandboxAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;

        await CustomerScenario.SendCodeAsync(client, "/account/register", Phone);
        var again = await CustomerScenario.SendCodeAsync(client, "/account/register", Phone);

        Assert.Contains("验证码发送过于频繁，请60秒后再试", again.Html);
        Assert.Single(CustomerScenario.Sandbox(app).MessagesTo(Phone));
    }

    [Fact]
    public async Task SendCode_TenthOfTheDaySucceeds_TheEleventhIsRefused()
    {
        var (app, client) = await SandboxAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        var sandbox = CustomerScenario.Sandbox(app);
        // Only the platform's own daily limit is under test, not the carrier's one a minute.
        sandbox.Options.VerificationFlowControl = false;
        var clock = app.Services.GetRequiredService<OperatorClock>();
        // Earlier today and longer ago than the 60-second interval (unless the day began less than a minute ago).
        var earlier = Max(clock.DayBounds(clock.Today).Start, clock.UtcNow.AddMinutes(-2));
        await app.WithDbAsync(async d =>
        {
            for (var i = 0; i < 9; i++)
                d.VerificationCodes.Add(new VerificationCode { Phone = Phone, Scene = CodeScene.Register, CodeHash = "x:y", CreatedAt = earlier, ExpiresAt = earlier.AddMinutes(5) });
            return await d.SaveChangesAsync();
        });

        Assert.Contains("验证码已发送", (await CustomerScenario.SendCodeAsync(client, "/account/register", Phone)).Html);
        Assert.Single(sandbox.MessagesTo(Phone));
        // The tenth, too, a minute old: only the day's count can refuse the next one.
        await app.WithDbAsync(d => d.VerificationCodes.ExecuteUpdateAsync(u => u.SetProperty(c => c.CreatedAt, earlier)));
        await app.WithDbAsync(d => d.PhoneCodeGates.ExecuteUpdateAsync(u => u.SetProperty(g => g.LastSentAt, earlier)));
        var eleventh = await CustomerScenario.SendCodeAsync(client, "/account/register", Phone);

        Assert.Contains(VerificationCodeService.DailyLimitMessage, eleventh.Html);
        Assert.Single(sandbox.MessagesTo(Phone));
        Assert.Equal(10, await app.WithDbAsync(d => d.VerificationCodes.CountAsync()));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [Fact]
    public async Task Register_FiveWrongCodes_VoidTheCode_AndAReusedCodeIsRefused()
    {
        var (app, client) = await SandboxAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        await CustomerScenario.SendCodeAsync(client, "/account/register", Phone);
        var code = CustomerScenario.LastCode(app, Phone)!;
        var wrong = CustomerScenario.Registration(Phone, Email);
        wrong["Input.Code"] = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 4; i++) Assert.Contains("验证码错误", (await client.PostFormAsync("/account/register", wrong)).Html);
        Assert.Contains("验证码错误次数过多，请重新获取", (await client.PostFormAsync("/account/register", wrong)).Html);
        var right = CustomerScenario.Registration(Phone, Email);
        right["Input.Code"] = code;
        Assert.Contains("验证码已失效，请重新获取", (await client.PostFormAsync("/account/register", right)).Html);
        Assert.False(await app.WithDbAsync(d => d.Customers.AnyAsync()));
    }

    [Fact]
    public async Task Register_ExpiredCode_IsRefused()
    {
        var (app, client) = await SandboxAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        await CustomerScenario.SendCodeAsync(client, "/account/register", Phone);
        await app.WithDbAsync(d => d.VerificationCodes.ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var fields = CustomerScenario.Registration(Phone, Email);
        fields["Input.Code"] = CustomerScenario.LastCode(app, Phone)!;

        Assert.Contains("验证码已失效，请重新获取", (await client.PostFormAsync("/account/register", fields)).Html);
        Assert.False(await app.WithDbAsync(d => d.Customers.AnyAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Register_TakenEmailOrPhone_IsRefused(DatabaseKind db)
    {
        var (app, client) = await SandboxAsync(db);
        await using var _ = app;
        using var __ = client;
        await CustomerScenario.RegisterAsync(app, client, Phone, Email);

        using var other = app.CreatePageClient();
        var sameEmail = CustomerScenario.Registration("13700137000", Email);
        sameEmail["Input.Code"] = "123456";
        Assert.Contains("该邮箱已注册", (await other.PostFormAsync("/account/register", sameEmail)).Html);
        Assert.Contains("该手机号已注册", (await CustomerScenario.SendCodeAsync(other, "/account/register", Phone)).Html);
        Assert.Equal(1, await app.WithDbAsync(d => d.Customers.CountAsync()));
    }

    [Fact]
    public async Task Register_BadFields_AreEachNamed()
    {
        var (app, client) = await SandboxAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;

        var response = await client.PostFormAsync("/account/register", new Dictionary<string, string> { ["Input.Email"] = "nope", ["Input.Phone"] = "12345", ["Input.Password"] = "abc" });

        foreach (var message in new[] { "请填写企业名称", "请输入有效的邮箱地址", "请填写联系人", "请输入有效的11位手机号码", "密码长度需在6-18个字符之间", "请再次输入密码" })
            Assert.Contains(message, response.Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Login_ByPhoneOrEmail_AndResetPasswordByCode(DatabaseKind db)
    {
        var (app, client) = await SandboxAsync(db);
        await using var _ = app;
        using var __ = client;
        await CustomerScenario.RegisterAsync(app, client, Phone, Email);

        using var visitor = app.CreatePageClient();
        var login = new Dictionary<string, string> { ["Account"] = Phone, ["Password"] = CustomerScenario.Password };
        Assert.True((await visitor.PostFormAsync("/account/login", login)).IsRedirectTo("/console"));

        using var forgetful = app.CreatePageClient();
        // Both the platform and the carrier allow one code a minute per number; let that minute pass.
        CustomerScenario.Sandbox(app).Options.VerificationFlowControl = false;
        await app.WithDbAsync(d => d.VerificationCodes.ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-2))));
        await app.WithDbAsync(d => d.PhoneCodeGates.ExecuteUpdateAsync(s => s.SetProperty(g => g.LastSentAt, DateTimeOffset.UtcNow.AddMinutes(-2))));
        Assert.Contains("验证码已发送", (await CustomerScenario.SendCodeAsync(forgetful, "/account/reset", Phone)).Html);
        var reset = new Dictionary<string, string>
        {
            ["Input.Phone"] = Phone,
            ["Input.Code"] = CustomerScenario.LastCode(app, Phone)!,
            ["Input.Password"] = "N3wPassword",
            ["Input.ConfirmPassword"] = "N3wPassword",
        };
        Assert.True((await forgetful.PostFormAsync("/account/reset", reset)).IsRedirectTo("/account/login"));

        // The reset ends sessions opened with the old password.
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/console")).Status);
        Assert.Contains("账号或密码错误", (await forgetful.PostFormAsync("/account/login", new Dictionary<string, string> { ["Account"] = Email, ["Password"] = CustomerScenario.Password })).Html);
        Assert.True((await forgetful.PostFormAsync("/account/login", new Dictionary<string, string> { ["Account"] = Email, ["Password"] = "N3wPassword" })).IsRedirectTo("/console"));
    }

    [Fact]
    public async Task ChangePhone_WithCodeSentToTheNewNumber()
    {
        var (app, client) = await SandboxAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        await CustomerScenario.RegisterAsync(app, client, Phone, Email);
        const string newPhone = "13600136000";

        Assert.Contains("验证码已发送", (await CustomerScenario.SendCodeAsync(client, "/console/account", newPhone)).Html);
        var change = new Dictionary<string, string> { ["Input.Phone"] = newPhone, ["Input.Code"] = CustomerScenario.LastCode(app, newPhone)! };
        Assert.True((await client.PostFormAsync("/console/account", change)).IsRedirectTo("/console/account"));

        Assert.Equal(newPhone, await app.WithDbAsync(d => d.Customers.Select(c => c.Phone).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console")).Status);
    }

    [Fact]
    public async Task Console_NeedsACustomer_AndTheAdminCookieIsNotOne()
    {
        var (app, client) = await SandboxAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        await SetupScenario.LoginAsync(client);

        var response = await client.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Contains("/account/login", response.Location);
    }
}
