using Qunfa.BrowserTests.Pages;

namespace Qunfa.BrowserTests;

/// <summary>子账号 in a real browser: the owner invites a 发送 member, who joins, sends, and finds 接口密钥 closed to it.</summary>
public sealed class MemberJourneyTests
{
    private const string MemberPhone = "13700000001";

    [Fact]
    public async Task Owner_InvitesASenderMember_WhoJoinsSendsATask_ButCannotOpenApiKeys()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var s = await SendingScenario.PrepareAsync(await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, SendingScenario.Settings(null)), 100);
        await using var session = await BrowserSession.OpenAsync(s.App.RootUri, nameof(Owner_InvitesASenderMember_WhoJoinsSendsATask_ButCannotOpenApiKeys));
        var page = session.Page;
        var menu = page.GetByRole(AriaRole.Navigation);

        await LoginAsync(page, "sender@example.com", CustomerScenario.Password);
        await menu.GetByRole(AriaRole.Link, new() { Name = "子账号" }).ClickAsync();
        await page.GetByLabel("手机号").FillAsync(MemberPhone);
        await page.GetByLabel("角色", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "发送" });
        await page.GetByRole(AriaRole.Button, new() { Name = "发送邀请" }).ClickAsync();
        var code = await page.Locator("[data-testid=sandbox-code] strong").InnerTextAsync();
        await Assertions.Expect(page.Locator($"tr[data-member='{MemberPhone}']")).ToContainTextAsync("待接受");
        await session.ScreenshotAsync("members-invited");
        await menu.GetByRole(AriaRole.Button, new() { Name = "安全退出" }).ClickAsync();

        await page.GotoAsync("/account/join");
        await page.Locator("#Input_Phone").FillAsync(MemberPhone);
        await page.Locator("#Input_Code").FillAsync(code);
        await page.Locator("#Input_Name").FillAsync("发送小李");
        await page.Locator("#Input_Password").FillAsync(MemberScenario.Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(MemberScenario.Password);
        await session.ScreenshotAsync("join");
        await page.GetByRole(AriaRole.Button, new() { Name = "加入" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("发送小李");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "发送短信" })).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "接口密钥" })).ToHaveCountAsync(0);
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "子账号" })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("member-console");

        // The member logs in again on the normal login with its own phone, then sends.
        await menu.GetByRole(AriaRole.Button, new() { Name = "安全退出" }).ClickAsync();
        await LoginAsync(page, MemberPhone, MemberScenario.Password);
        await menu.GetByRole(AriaRole.Link, new() { Name = "发送短信" }).ClickAsync();
        await page.GetByLabel("${order}：").FillAsync("A1001");
        await page.Locator("#numbers").FillAsync("13912345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认发送" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交");

        var forbidden = await page.GotoAsync("/console/api-keys");
        Assert.Equal(403, forbidden!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "没有访问权限" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("api-keys-403");

        await page.GotoAsync("/console/tasks");
        await Assertions.Expect(page.Locator("table tbody tr").First.Locator("[data-testid=sender]")).ToHaveTextAsync("发送小李");
        await session.ScreenshotAsync("member-task-records");
        await menu.GetByRole(AriaRole.Button, new() { Name = "安全退出" }).ClickAsync();

        // The owner sees the member joined and its task under its name.
        await LoginAsync(page, "sender@example.com", CustomerScenario.Password);
        await page.GotoAsync("/console/members");
        await Assertions.Expect(page.Locator($"tr[data-member='{MemberPhone}']")).ToContainTextAsync("正常");
        await session.ScreenshotAsync("members");
        await page.GotoAsync("/console/tasks");
        await Assertions.Expect(page.Locator("table tbody tr").First.Locator("[data-testid=sender]")).ToHaveTextAsync("发送小李");

        // The operator sees the member on the customer's 用户信息 and as the sender in 任务记录.
        await new AdminConsolePage(session).LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);
        await page.GotoAsync($"/admin/customers/edit?id={s.CustomerId}");
        await Assertions.Expect(page.Locator($"tr[data-member='{MemberPhone}']")).ToContainTextAsync("发送小李");
        await session.ScreenshotAsync("admin-customer-members");
        await page.GotoAsync("/admin/sends/tasks");
        await Assertions.Expect(page.Locator("table tbody tr").First.Locator("[data-testid=sender]")).ToHaveTextAsync("发送小李");
        await session.ScreenshotAsync("admin-tasks");
    }

    private static async Task LoginAsync(IPage page, string account, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱/手机号").FillAsync(account);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation)).ToBeVisibleAsync();
    }
}
