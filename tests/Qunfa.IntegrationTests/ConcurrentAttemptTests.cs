using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Customers;

namespace Qunfa.IntegrationTests;

/// <summary>
/// Lockouts and code limits hold when the tries arrive together (issue 15, item 3): each try is counted by a
/// conditional UPDATE before the secret is checked. The per-IP limits are raised here so that they do not hide
/// what the counters do; <see cref="AdminLogin_PerIpLimit_RefusesTheSubmissionsBeyondIt_NotTheForms"/> tests them.
/// </summary>
public sealed class ConcurrentAttemptTests
{
    private const string Phone = "13900139222";
    private const string Wrong = "账号或密码错误";
    private const string Locked = "账号已锁定15分钟";

    private static readonly Dictionary<string, string> NoIpLimits = new()
    {
        ["Qunfa:AdminLoginAttemptsPerMinutePerIp"] = "1000",
        ["Qunfa:Customers:LoginAttemptsPerMinutePerIp"] = "1000",
        ["Qunfa:Customers:CodeRequestsPerMinutePerIp"] = "1000",
    };

    private static Dictionary<string, string> Credentials(string account, string password) =>
        new() { ["Account"] = account, ["Password"] = password };

    /// <summary>Posts <paramref name="fields"/> <paramref name="count"/> times at once, all with one form token.</summary>
    private static async Task<PageResponse[]> AllAtOnceAsync(PageClient client, string path, string formPath, int count, Func<int, Dictionary<string, string>> fields)
    {
        var token = await client.TokenAsync(formPath);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(i => client.PostWithoutTokenAsync(path, fields(i), forgedToken: token)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AdminLogin_40SimultaneousWrongPasswords_AtMostFourAreCheckedThenLocked(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db, NoIpLimits);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);

        var answers = await AllAtOnceAsync(client, "/admin/login", "/admin/login", 40, _ => Credentials(SetupScenario.AdminEmail, "Wrong0ne!"));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.InRange(answers.Count(a => a.Html.Contains(Wrong)), 0, 4);
        Assert.Equal(40 - answers.Count(a => a.Html.Contains(Wrong)), answers.Count(a => a.Html.Contains(Locked)));
        var admin = await app.WithDbAsync(d => d.AdminUsers.SingleAsync());
        Assert.Equal(5, admin.FailedLoginCount);
        Assert.True(admin.LockedUntil > DateTimeOffset.UtcNow);
        Assert.Contains(Locked, (await client.PostFormAsync("/admin/login", Credentials(SetupScenario.AdminEmail, SetupScenario.AdminPassword))).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CustomerLogin_28SimultaneousWrongPasswords_AreCountedExactly(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db, NoIpLimits);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.RegisterAsync(app, client, Phone, "counted@example.com");
        using var attacker = app.CreatePageClient();

        var first = await AllAtOnceAsync(attacker, "/account/login", "/account/login", 3, _ => Credentials(Phone, "Wrong0ne!"));
        Assert.All(first, a => Assert.Contains(Wrong, a.Html));
        Assert.Equal(3, await app.WithDbAsync(d => d.Customers.Select(c => c.FailedLoginCount).SingleAsync()));

        var rest = await AllAtOnceAsync(attacker, "/account/login", "/account/login", 25, _ => Credentials(Phone, "Wrong0ne!"));
        Assert.InRange(rest.Count(a => a.Html.Contains(Wrong)), 0, 1);
        var customer = await app.WithDbAsync(d => d.Customers.SingleAsync());
        Assert.Equal(5, customer.FailedLoginCount);
        Assert.True(customer.LockedUntil > DateTimeOffset.UtcNow);
        Assert.Contains(Locked, (await attacker.PostFormAsync("/account/login", Credentials(Phone, CustomerScenario.Password))).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Registration_26SimultaneousWrongCodes_AtMostFiveAreChecked_AndTheCodeIsVoid(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db, NoIpLimits);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.SendCodeAsync(client, "/account/register", Phone);
        var code = CustomerScenario.LastCode(app, Phone)!;
        var wrong = code == "000000" ? "111111" : "000000";
        var fields = CustomerScenario.Registration(Phone, "guessed@example.com");

        var answers = await AllAtOnceAsync(client, "/account/register", "/account/register", 26, _ => new(fields) { ["Input.Code"] = wrong });

        // "验证码错误" alone is a checked wrong code; the fifth says too many, the rest find the code void.
        Assert.InRange(answers.Count(a => a.Html.Contains("验证码错误") && !a.Html.Contains("验证码错误次数过多")), 0, 4);
        Assert.Equal(VerificationCode.MaxWrongTries, await app.WithDbAsync(d => d.VerificationCodes.Select(c => c.WrongTries).SingleAsync()));
        var right = await client.PostFormAsync("/account/register", new Dictionary<string, string>(fields) { ["Input.Code"] = code });
        Assert.Contains("验证码已失效", right.Html);
        Assert.False(await app.WithDbAsync(d => d.Customers.AnyAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CodeRequests_Simultaneous_SendOneCodePerMinute_AndNeverPassTheDailyLimit(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db, NoIpLimits);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        CustomerScenario.Sandbox(app).Options.VerificationFlowControl = false;

        var answers = await AllAtOnceAsync(client, "/account/register?handler=SendCode", "/account/register", 12, _ => new() { ["Input.Phone"] = Phone });

        Assert.Equal(1, answers.Count(a => a.Html.Contains("验证码已发送")));
        Assert.Equal(11, answers.Count(a => a.Html.Contains("验证码发送过于频繁")));
        Assert.Single(CustomerScenario.Sandbox(app).MessagesTo(Phone));
        Assert.Equal(1, await app.WithDbAsync(d => d.VerificationCodes.CountAsync()));

        // Eight more earlier today, the minute over: one request of the next burst takes the tenth and last.
        await app.WithDbAsync(async d =>
        {
            for (var i = 0; i < 8; i++)
                d.VerificationCodes.Add(new VerificationCode { Phone = Phone, Scene = CodeScene.Register, CodeHash = "x:y", CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-3 - i), ExpiresAt = DateTimeOffset.UtcNow });
            await d.PhoneCodeGates.ExecuteUpdateAsync(s => s.SetProperty(g => g.LastSentAt, DateTimeOffset.UtcNow.AddMinutes(-2)));
            return await d.SaveChangesAsync();
        });
        await AllAtOnceAsync(client, "/account/register?handler=SendCode", "/account/register", 12, _ => new() { ["Input.Phone"] = Phone });
        Assert.Equal(VerificationCodeServicePerDay, await app.WithDbAsync(d => d.VerificationCodes.CountAsync()));

        await app.WithDbAsync(d => d.PhoneCodeGates.ExecuteUpdateAsync(s => s.SetProperty(g => g.LastSentAt, DateTimeOffset.UtcNow.AddMinutes(-2))));
        var beyond = await AllAtOnceAsync(client, "/account/register?handler=SendCode", "/account/register", 6, _ => new() { ["Input.Phone"] = Phone });
        Assert.Contains(beyond, a => a.Html.Contains("今日获取验证码次数已达上限"));
        Assert.Equal(VerificationCodeServicePerDay, await app.WithDbAsync(d => d.VerificationCodes.CountAsync()));
    }

    private const int VerificationCodeServicePerDay = Qunfa.Web.Features.Customers.VerificationCodeService.PerDay;

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AdminLogin_PerIpLimit_RefusesTheSubmissionsBeyondIt_NotTheForms(DatabaseKind db)
    {
        // The wizard's step 1 (the 安装码) is behind the same limit and takes one of the five.
        await using var app = await QunfaApp.StartAsync(db, new Dictionary<string, string> { ["Qunfa:AdminLoginAttemptsPerMinutePerIp"] = "5" });
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);

        for (var i = 0; i < 12; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/login")).Status);
        // Unknown accounts: the limit is the address's, whatever account it tries.
        for (var i = 0; i < 4; i++)
            Assert.Contains(Wrong, (await client.PostFormAsync("/admin/login", Credentials($"nobody{i}@example.com", "Wrong0ne!"))).Html);
        var beyond = await client.PostFormAsync("/admin/login", Credentials(SetupScenario.AdminEmail, SetupScenario.AdminPassword));

        Assert.Equal(HttpStatusCode.TooManyRequests, beyond.Status);
        Assert.Contains("请求过于频繁", beyond.Html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/login")).Status);
        Assert.Equal(0, await app.WithDbAsync(d => d.AdminUsers.Select(a => a.FailedLoginCount).SingleAsync()));
    }

    [Fact]
    public async Task CustomerLoginPage_ShownMoreOftenThanTheLimit_IsNotRefused()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string> { ["Qunfa:Customers:LoginAttemptsPerMinutePerIp"] = "3" });
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);

        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).Status);
        for (var i = 0; i < 3; i++)
            Assert.Contains(Wrong, (await client.PostFormAsync("/account/login", Credentials($"nobody{i}@example.com", "Wrong0ne!"))).Html);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostFormAsync("/account/login", Credentials("nobody@example.com", "Wrong0ne!"))).Status);
    }
}
