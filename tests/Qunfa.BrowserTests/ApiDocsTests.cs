namespace Qunfa.BrowserTests;

/// <summary>接口密钥 and the interactive API documentation in Chromium, under the site's Content-Security-Policy.</summary>
public sealed class ApiDocsTests
{
    [Fact]
    public async Task CustomerCreatesAKey_AndOpensTheApiDocs_WithoutPolicyViolations()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using (var client = new PageClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.RootUri }))
        {
            await SetupScenario.CompleteWithSandboxAsync(client);
            await CustomerScenario.RegisterAsync(app, client, "13900139000", "api@example.com");
        }
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(CustomerCreatesAKey_AndOpensTheApiDocs_WithoutPolicyViolations));
        var page = session.Page;
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // The site has no favicon; the browser's automatic request for one is not this test's concern.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal)) problems.Add($"{message.Text} {message.Location}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) problems.Add($"{response.Status} {response.Url}");
        };

        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱/手机号").FillAsync("api@example.com");
        await page.GetByLabel("密码").FillAsync(CustomerScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "接口密钥", Exact = true }).ClickAsync();
        await page.GetByLabel("密钥名称").FillAsync("订单程序");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建密钥" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("issued-secret")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Za-z0-9]{32}$"));
        await session.ScreenshotAsync("key-created");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-key] td").Nth(5)).ToHaveTextAsync("已停用");

        await page.GetByTestId("api-docs-link").ClickAsync();
        await Assertions.Expect(page.Locator(".swagger-ui .info .title")).ToContainTextAsync("Qunfa API");
        await Assertions.Expect(page.Locator(".opblock-summary-path[data-path='/api/v1/sms/send']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".opblock-summary-path[data-path='/api/v1/balance']")).ToBeVisibleAsync();
        await session.ScreenshotAsync("api-docs");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
