using System.Text.RegularExpressions;
using Qunfa.BrowserTests.Pages;

namespace Qunfa.BrowserTests;

/// <summary>
/// The owner adds a 财务 administrator, who logs in, is made to change the initial password, sees only the pages of the
/// role in the menu, and gets the 403 page for 用户管理 opened by its address.
/// </summary>
public sealed partial class AdminTeamJourneyTests
{
    [Fact]
    public async Task Owner_AddsAFinanceAdmin_WhoChangesThePassword_AndSeesOnlyFinancePages()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using (var client = app.CreatePageClient())
            await SetupScenario.CompleteWithSandboxAsync(client);
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(Owner_AddsAFinanceAdmin_WhoChangesThePassword_AndSeesOnlyFinancePages));
        var page = session.Page;
        var admin = new AdminConsolePage(session);

        await admin.LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);
        await admin.AddAdminAsync("王财务", "caiwu@example.com", "13600136001", "财务", AdminTeamScenario.InitialPassword);
        var row = page.Locator("table tbody tr").Filter(new() { HasText = "caiwu@example.com" });
        await Assertions.Expect(row).ToContainTextAsync("财务");
        await Assertions.Expect(row).ToContainTextAsync("待修改初始密码");
        await session.ScreenshotAsync("team-list");
        await page.GetByRole(AriaRole.Link, new() { Name = "角色管理" }).ClickAsync();
        await Assertions.Expect(page.Locator("table tbody tr").Filter(new() { HasText = "财务" }).First).ToContainTextAsync("订单管理、财务管理");
        await session.ScreenshotAsync("roles");
        await page.GetByRole(AriaRole.Button, new() { Name = "安全退出" }).ClickAsync();

        await admin.LoginAsync("caiwu@example.com", AdminTeamScenario.InitialPassword);
        await Assertions.Expect(page).ToHaveURLAsync(PasswordUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("您正在使用初始密码");
        await session.ScreenshotAsync("must-change-password");
        await page.GotoAsync("/admin/orders");
        await Assertions.Expect(page).ToHaveURLAsync(PasswordUrl());
        await admin.ChangePasswordAsync(AdminTeamScenario.InitialPassword, AdminTeamScenario.ChosenPassword);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("首页");
        Assert.Equal(["首页", "订单管理", "财务管理", "安全设置", "修改密码"], await admin.MenuEntriesAsync());
        await session.ScreenshotAsync("finance-home");
        await admin.OpenMenuAsync("订单管理");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("订单管理");

        var refused = await page.GotoAsync("/admin/customers");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "没有访问权限" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("forbidden");
        await page.GetByRole(AriaRole.Link, new() { Name = "返回首页" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("首页");
    }

    [GeneratedRegex(@"/admin/password$")]
    private static partial Regex PasswordUrl();
}
