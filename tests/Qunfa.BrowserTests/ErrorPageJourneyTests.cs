using Microsoft.EntityFrameworkCore;

namespace Qunfa.BrowserTests;

/// <summary>The operator's 404 and 500 pages as a visitor's browser shows them.</summary>
public sealed class ErrorPageJourneyTests
{
    [Fact]
    public async Task UnknownAddressAndServerError_ShowTheOperatorsPages()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using (var client = app.CreatePageClient())
            await SetupScenario.CompleteAsync(client);
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(UnknownAddressAndServerError_ShowTheOperatorsPages));
        var page = session.Page;

        var missing = await page.GotoAsync("/console/no-such-page");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "页面不存在" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("not-found");
        await page.GetByRole(AriaRole.Link, new() { Name = "返回首页" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = SetupScenario.CompanyName })).ToBeVisibleAsync();

        // A real failure: the portal's package table is gone from under the running platform.
        await app.WithDbAsync(d => d.Database.ExecuteSqlRawAsync("ALTER TABLE \"PackageProducts\" RENAME TO \"PackageProductsGone\"", TestContext.Current.CancellationToken));
        var failed = await page.GotoAsync("/");
        Assert.Equal(500, failed!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "出错了" })).ToBeVisibleAsync();
        var reference = await page.GetByTestId("error-reference").InnerTextAsync();
        Assert.Contains(app.Logs.Entries, e => e.Contains("reference " + reference, StringComparison.Ordinal));
        await session.ScreenshotAsync("server-error");
    }
}
