using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qunfa.BrowserTests.Pages;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.BrowserTests;

/// <summary>
/// Issue #6's "done when": a 100,000-row XLSX with a value per number is uploaded in Chromium, previewed,
/// confirmed and delivered by the sandbox carrier, and the admin's record pages show the right counts.
/// </summary>
public sealed class BulkSendJourneyTests
{
    private const int Rows = 100_000;
    private const int Invalid = 7;
    private const int Duplicates = 5;

    [Fact]
    public async Task Customer_Sends_A100kRowXlsxWithValues_AndTheAdminSeesEveryCount()
    {
        var setup = await SendingScenario.PrepareAsync(await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, SendingScenario.Settings(null)), balance: 200_000);
        await using var app = setup.App;
        var file = Path.Combine(app.Database.DataDirectory, "customers.xlsx");
        var valid = WriteXlsx(file);

        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(Customer_Sends_A100kRowXlsxWithValues_AndTheAdminSeesEveryCount));
        var page = session.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱/手机号").FillAsync("sender@example.com");
        await page.GetByLabel("密码").FillAsync(CustomerScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GotoAsync("/console/send");
        await page.Locator("#number-file").SetInputFilesAsync(file);
        // First a submit the page keeps to itself, to see it waiting; then the real one.
        await page.EvaluateAsync("() => document.addEventListener('submit', e => e.preventDefault(), { once: true })");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(page.Locator("#send-progress")).ToContainTextAsync("正在上传号码");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "预览" })).ToBeDisabledAsync();
        await session.ScreenshotAsync("bulk-progress");
        await page.EvaluateAsync("() => document.querySelectorAll('form[data-recipient-progress] button[type=submit]').forEach(b => b.disabled = false)");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=valid-count]")).ToHaveTextAsync(valid.ToString(CultureInfo.InvariantCulture), new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-testid=invalid-count]")).ToHaveTextAsync(Invalid.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-testid=duplicate-count]")).ToHaveTextAsync(Duplicates.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-testid=preview-content]")).ToHaveTextAsync("【群发沙箱】您的订单N0已发货");
        await Assertions.Expect(page.Locator("[data-testid=balance-after]")).ToHaveTextAsync((200_000 - valid).ToString(CultureInfo.InvariantCulture));
        await session.ScreenshotAsync("bulk-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "确认发送" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已提交" })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var taskId = await app.WithDbAsync(d => d.SendTasks.Select(t => t.Id).SingleAsync());
        await SendingScenario.WaitForCompletionAsync(app, taskId, seconds: 600);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("已完成");
        await session.ScreenshotAsync("bulk-completed");
        var carrier = CustomerScenario.Sandbox(app);
        Assert.Equal("【群发沙箱】您的订单N4242已发货", carrier.MessagesTo(Phone(4242)).Single().Content);

        var admin = new AdminConsolePage(session);
        await admin.LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);
        await admin.OpenMenuAsync("任务记录");
        var taskRow = page.Locator("table tbody tr").First;
        await Assertions.Expect(taskRow).ToContainTextAsync(valid.ToString(CultureInfo.InvariantCulture));
        await taskRow.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        // The sandbox fails numbers ending in 0001, 0002 and 0003: ten of each among 100,000.
        var failed = await app.WithDbAsync(d => d.SendRecords.CountAsync(r => r.Status == RecipientStatus.Failed));
        Assert.Equal(30, failed);
        await Assertions.Expect(page.Locator("[data-testid=delivered]")).ToHaveTextAsync($"{valid - failed} ({valid - failed})");
        await Assertions.Expect(page.Locator("[data-testid=failed]")).ToHaveTextAsync($"{failed} ({failed})");
        await session.ScreenshotAsync("bulk-admin-task");

        await admin.OpenMenuAsync("发送记录");
        await page.Locator("table tbody tr").First.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=invalid-numbers]")).ToContainTextAsync($"{Invalid}个");
        await Assertions.Expect(page.Locator("[data-testid=invalid-numbers]")).ToContainTextAsync($"另有重复号码{Duplicates}个");
        await Assertions.Expect(page.Locator("[data-testid=numbers-download]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("bulk-admin-record");
    }

    private static string Phone(int i) => "139" + i.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>手机号 and order columns: Rows rows, some invalid, some repeated; returns how many numbers are valid and distinct.</summary>
    private static int WriteXlsx(string path)
    {
        var unique = Rows - Invalid - Duplicates;
        IEnumerable<Dictionary<string, object>> Data()
        {
            for (var i = 0; i < unique; i++) yield return new() { ["手机号"] = Phone(i), ["order"] = "N" + i.ToString(CultureInfo.InvariantCulture) };
            for (var i = 0; i < Invalid; i++) yield return new() { ["手机号"] = "12345" + i.ToString(CultureInfo.InvariantCulture), ["order"] = "X" };
            for (var i = 0; i < Duplicates; i++) yield return new() { ["手机号"] = Phone(i), ["order"] = "D" };
        }
        MiniExcel.SaveAs(path, Data());
        return unique;
    }
}
