namespace Qunfa.BrowserTests;

/// <summary>The interactive API documentation renders in Chromium under the site's Content-Security-Policy.</summary>
public sealed class ApiDocsTests
{
    [Fact]
    public async Task ApiDocs_RenderTheOperations_WithoutPolicyViolations()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using (var client = new PageClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.RootUri }))
            await SetupScenario.CompleteWithSandboxAsync(client);
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(ApiDocs_RenderTheOperations_WithoutPolicyViolations));
        var page = session.Page;
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") problems.Add(message.Text);
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) problems.Add($"{response.Status} {response.Url}");
        };

        await page.GotoAsync("/api/docs");

        await Assertions.Expect(page.Locator(".swagger-ui .info .title")).ToContainTextAsync("Qunfa API");
        await Assertions.Expect(page.Locator(".opblock-summary-path[data-path='/api/v1/sms/send']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".opblock-summary-path[data-path='/api/v1/balance']")).ToBeVisibleAsync();
        await session.ScreenshotAsync("api-docs");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
