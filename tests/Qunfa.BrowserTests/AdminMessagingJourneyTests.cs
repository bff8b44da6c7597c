using Qunfa.BrowserTests.Pages;
using Qunfa.Web.Features.Settings;

namespace Qunfa.BrowserTests;

public sealed class AdminMessagingJourneyTests
{
    [Fact]
    public async Task Admin_EditsLimits_FreezesACustomer_AndAssignsASignatureAndATemplate()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using (var client = new PageClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.RootUri }))
        {
            await SetupScenario.CompleteWithSandboxAsync(client);
            await CustomerScenario.RegisterAsync(app, client, "13900139000", "hebei@example.com", "云顶云河北");
        }
        CustomerScenario.Sandbox(app).SeedTemplate("SMS_172881361", "云顶云河北的小伙伴，店面大庆，满减多多，欢迎光临。回复t退订", templateType: 2);
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(Admin_EditsLimits_FreezesACustomer_AndAssignsASignatureAndATemplate));
        var page = session.Page;
        var admin = new AdminConsolePage(session);
        await admin.LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);

        await admin.OpenMenuAsync("用户管理");
        var row = page.Locator("table tbody tr").Filter(new() { HasText = "云顶云河北" });
        await Assertions.Expect(row).ToContainTextAsync("hebei@example.com");
        await session.ScreenshotAsync("admin-customers");

        await row.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await page.GetByLabel("签名数量上限").FillAsync("8");
        await page.GetByLabel("模板数量上限").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("保存成功");
        await Assertions.Expect(page.Locator("table tbody tr").Filter(new() { HasText = "云顶云河北" })).ToBeVisibleAsync();

        await page.Locator("table tbody tr").Filter(new() { HasText = "云顶云河北" }).GetByRole(AriaRole.Link, new() { Name = "冻结账号" }).ClickAsync();
        await session.ScreenshotAsync("admin-freeze-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "冻结账号" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("账号已冻结");
        await Assertions.Expect(page.Locator("table tbody tr").Filter(new() { HasText = "云顶云河北" })).ToContainTextAsync("恢复账号");

        await admin.OpenMenuAsync("签名管理");
        await page.GetByRole(AriaRole.Link, new() { Name = "分配签名" }).ClickAsync();
        await page.GetByLabel("云顶云河北").CheckAsync();
        await page.Locator("#target-some").CheckAsync();
        await page.GetByLabel("签名", new() { Exact = false }).First.FillAsync(SandboxAccount.SignName);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.GetByText("审批通过").First).ToBeVisibleAsync();
        await page.GetByLabel("通用").CheckAsync();
        await session.ScreenshotAsync("admin-assign-signature");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认分配" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"签名“{SandboxAccount.SignName}”已分配给1个用户");

        await admin.OpenMenuAsync("模板管理");
        await page.GetByRole(AriaRole.Link, new() { Name = "分配模板" }).ClickAsync();
        await page.GetByLabel("模板code").FillAsync("SMS_172881361");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.GetByText("云顶云河北的小伙伴，店面大庆")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("推广类").First).ToBeVisibleAsync();
        await page.GetByLabel("全部用户").CheckAsync();
        await session.ScreenshotAsync("admin-assign-template");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认分配" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("模板“SMS_172881361”已分配给1个用户");
        await session.ScreenshotAsync("admin-assigned-template");

        await admin.OpenMenuAsync("用户管理");
        await page.Locator("table tbody tr").Filter(new() { HasText = "云顶云河北" }).GetByRole(AriaRole.Link, new() { Name = "查看模板" }).ClickAsync();
        await Assertions.Expect(page.Locator("table tbody")).ToContainTextAsync("SMS_172881361");
        await session.ScreenshotAsync("admin-customer-templates");

        await admin.OpenMenuAsync("管理员日志");
        foreach (var action in new[] { "编辑用户信息", "冻结账号", "分配签名", "分配模板" })
            await Assertions.Expect(page.Locator("table tbody")).ToContainTextAsync(action);
    }
}
