using Qunfa.BrowserTests.Pages;

namespace Qunfa.BrowserTests;

/// <summary>发送记录查询 in a real browser: by number and status, 详情, and a large export's progress page (its script under CSP).</summary>
public sealed class RecordQueryJourneyTests
{
    [Fact]
    public async Task Admin_QueriesANumber_OpensTheDetail_AndWaitsForABackgroundExport()
    {
        var settings = SendingScenario.Settings(new Dictionary<string, string> { ["Qunfa:Exports:BackgroundThreshold"] = "2" });
        await using var s = await SendingScenario.PrepareAsync(await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, settings), balance: 100);
        var (task, outcome) = await SendingScenario.SendAsync(s, "13912345678\n13900000001\n13912340002\n13912340003");
        Assert.True(outcome.Succeeded);
        await SendingScenario.WaitForCompletionAsync(s.App, task!.TaskId);

        await using var session = await BrowserSession.OpenAsync(s.App.RootUri, nameof(Admin_QueriesANumber_OpensTheDetail_AndWaitsForABackgroundExport));
        var page = session.Page;
        var admin = new AdminConsolePage(session);
        await admin.LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);

        await admin.OpenMenuAsync("发送记录查询");
        var byPhone = page.GetByTestId("by-phone");
        await byPhone.GetByLabel("手机号").FillAsync("13900000001");
        await byPhone.GetByLabel("发送状态").SelectOptionAsync(new SelectOptionValue { Label = "发送失败" });
        await byPhone.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var summary = page.GetByTestId("phone-summary");
        await Assertions.Expect(summary).ToContainTextAsync("13900000001");
        await session.ScreenshotAsync("query-by-number");

        await summary.GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        var records = page.GetByTestId("records");
        await Assertions.Expect(records.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(records).ToContainTextAsync("【群发沙箱】您的订单A1001已发货");
        await Assertions.Expect(records).ToContainTextAsync("发送失败");
        await session.ScreenshotAsync("detail-by-number");

        await admin.OpenMenuAsync("发送记录查询");
        var byTemplate = page.GetByTestId("by-template");
        await byTemplate.GetByLabel("短信模板").FillAsync(SendingScenario.TemplateCode);
        await byTemplate.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-summary")).ToContainTextAsync(SendingScenario.TemplateCode);
        await session.ScreenshotAsync("query-by-template");
        await page.GetByTestId("template-summary").GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("records").Locator("tbody tr")).ToHaveCountAsync(4);
        await session.ScreenshotAsync("detail-by-template");

        var shownPhones = await page.GetByTestId("records").Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
        await page.GetByTestId("export-xlsx").ClickAsync();
        var download = page.GetByTestId("download");
        await Assertions.Expect(download).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-export-count]")).ToContainTextAsync("4/4");
        await session.ScreenshotAsync("export-ready");
        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.EndsWith(".xlsx", file.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("发送记录_" + SendingScenario.TemplateCode, file.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), "qunfa-download-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await file.SaveAsAsync(path);
        try
        {
            var rows = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(shownPhones.Select(p => p.Trim()).Order(), rows.Select(r => Convert.ToString(r["手机号"], System.Globalization.CultureInfo.InvariantCulture)).Order());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
