using System.Text.RegularExpressions;
using Qunfa.BrowserTests.Pages;

namespace Qunfa.BrowserTests;

public sealed partial class FirstRunTests
{
    [Fact]
    public async Task Operator_CompletesWizard_LogsIn_ChangesCompanyName_SeesItOnPortalAndInTheLog()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(Operator_CompletesWizard_LogsIn_ChangesCompanyName_SeesItOnPortalAndInTheLog));
        var page = session.Page;
        var logo = Path.Combine(app.Database.DataDirectory, "logo.png");
        await File.WriteAllBytesAsync(logo, SetupScenario.Png, TestContext.Current.CancellationToken);

        // The operator reads the 安装码 where the server left it (the console log shows the same code).
        var setupCode = (await File.ReadAllTextAsync(Path.Combine(app.Database.DataDirectory, "setup-code.txt"), TestContext.Current.CancellationToken)).Trim();

        await new SetupWizardPage(session).CompleteAsync(logo, setupCode, wrongCodeFirst: "AAAA-BBBB-CCCC-DDDD");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "初始化完成" })).ToBeVisibleAsync();

        var admin = new AdminConsolePage(session);
        await admin.LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);
        await Assertions.Expect(page).ToHaveURLAsync(AdminHomeUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("首页");
        await admin.ChangeCompanyNameAsync("云顶云信息技术");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("保存成功");

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("云顶云信息技术");
        await Assertions.Expect(page.GetByRole(AriaRole.Contentinfo)).ToContainTextAsync("云顶云信息技术");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "云顶云信息技术" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("portal");

        await page.GotoAsync("/admin");
        await admin.OpenMenuAsync("管理员日志");
        await Assertions.Expect(admin.LogRows.First).ToContainTextAsync("修改配置信息");
        await Assertions.Expect(admin.LogRows.Nth(1)).ToContainTextAsync("管理员登录");
        await Assertions.Expect(admin.LogRows.Nth(2)).ToContainTextAsync("完成初始化");
        await Assertions.Expect(admin.LogRows.First).ToContainTextAsync("127.0.0.1");
        await session.ScreenshotAsync("admin-log");
    }

    [GeneratedRegex("/admin$")]
    private static partial Regex AdminHomeUrl();
}
