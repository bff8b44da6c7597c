using System.Net;
using System.Text.RegularExpressions;

namespace Qunfa.IntegrationTests;

/// <summary>
/// The per-IP limits on the customer's account pages (logins, codes) on a real port behind a trusted proxy, so
/// that each client comes from the address its X-Forwarded-For names. Sequential boundaries only: how the limits
/// behave under concurrent requests is #15's.
/// </summary>
public sealed partial class PerIpLimitTests
{
    private const string TooMany = "请求过于频繁，请稍后再试";

    private static async Task<QunfaApp> StartAsync(string setting, int perMinute)
    {
        var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["Qunfa:KnownProxies:0"] = "127.0.0.1",
            [setting] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        return app;
    }

    private static PageClient From(QunfaApp app, string ip)
    {
        var client = app.CreatePageClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return client;
    }

    [Fact]
    public async Task LoginAttempts_OverTheLimit_AreRefusedForThatIpOnly()
    {
        await using var app = await StartAsync("Qunfa:Customers:LoginAttemptsPerMinutePerIp", 4);
        using (var owner = From(app, "198.51.100.9"))
            await CustomerScenario.RegisterAsync(app, owner, "13800000000", "owner@example.com");
        using var guesser = From(app, "203.0.113.7");
        var form = await guesser.GetAsync("/account/login");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(form.Html).Groups[1].Value);
        var guess = new Dictionary<string, string> { ["Account"] = "nobody@example.com", ["Password"] = "Wrong0ne!" };

        // Showing the form is not counted; four guesses fill the minute.
        for (var i = 0; i < 4; i++)
        {
            var refused = await guesser.PostWithoutTokenAsync("/account/login", guess, token);
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("账号或密码错误", refused.Html);
        }
        var limited = await guesser.PostWithoutTokenAsync("/account/login", new Dictionary<string, string> { ["Account"] = "owner@example.com", ["Password"] = CustomerScenario.Password }, token);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains(TooMany, limited.Html);
        Assert.Equal(HttpStatusCode.Redirect, (await guesser.GetAsync("/console")).Status);

        // Another address is not held back by the first one's attempts.
        using var customer = From(app, "203.0.113.8");
        var login = await customer.PostFormAsync("/account/login", new Dictionary<string, string> { ["Account"] = "owner@example.com", ["Password"] = CustomerScenario.Password });
        Assert.True(login.IsRedirectTo("/console"), $"{login.Status} {login.Location}");
    }

    [Fact]
    public async Task CodeRequests_OverTheLimit_SendNothing_ForThatIpOnly()
    {
        await using var app = await StartAsync("Qunfa:Customers:CodeRequestsPerMinutePerIp", 3);
        var sandbox = CustomerScenario.Sandbox(app);
        using var asker = From(app, "203.0.113.7");

        foreach (var phone in new[] { "13700000001", "13700000002", "13700000003" })
            Assert.Contains("验证码已发送", (await CustomerScenario.SendCodeAsync(asker, "/account/register", phone)).Html);
        var limited = await CustomerScenario.SendCodeAsync(asker, "/account/register", "13700000004");
        Assert.Contains(TooMany, limited.Html);
        Assert.DoesNotContain("验证码已发送", limited.Html);
        Assert.Empty(sandbox.MessagesTo("13700000004"));

        using var neighbour = From(app, "203.0.113.8");
        Assert.Contains("验证码已发送", (await CustomerScenario.SendCodeAsync(neighbour, "/account/register", "13700000004")).Html);
        Assert.Single(sandbox.MessagesTo("13700000004"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
