using System.Text.RegularExpressions;
using OtpNet;
using Qunfa.BrowserTests.Pages;

namespace Qunfa.BrowserTests;

/// <summary>
/// An operator on the sandbox sees the go-live warnings, turns on two-factor sign-in by typing the secret shown beside the
/// QR code into an "authenticator" (Otp.NET here), logs out, and logs in again with password and code.
/// </summary>
public sealed partial class AdminTwoFactorJourneyTests
{
    [Fact]
    public async Task Operator_SeesSandboxWarnings_EnrolsTwoFactor_AndLogsInWithTheCode()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using (var client = app.CreatePageClient())
            await SetupScenario.CompleteWithSandboxAsync(client);
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(Operator_SeesSandboxWarnings_EnrolsTwoFactor_AndLogsInWithTheCode));
        var page = session.Page;
        var admin = new AdminConsolePage(session);

        await admin.LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);
        var warning = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "尚未正式上线" });
        await Assertions.Expect(warning).ToContainTextAsync("短信通道正在使用沙箱通道");
        await Assertions.Expect(warning).ToContainTextAsync("支付正在使用沙箱或演示商户");
        await session.ScreenshotAsync("home-warning");
        await admin.OpenMenuAsync("支付配置");
        await Assertions.Expect(warning).ToContainTextAsync("任何人都能伪造");
        await session.ScreenshotAsync("payment-warning");
        await admin.OpenMenuAsync("AK 管理");
        await Assertions.Expect(warning).ToContainTextAsync("短信通道正在使用沙箱通道");
        await session.ScreenshotAsync("carrier-warning");

        await admin.OpenMenuAsync("安全设置");
        await Assertions.Expect(page.GetByTestId("two-factor-status")).ToHaveTextAsync("未启用");
        await page.GetByRole(AriaRole.Link, new() { Name = "启用两步验证" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "两步验证二维码" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("enrolment");
        var secret = (await page.GetByTestId("totp-secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        var authenticator = new Totp(Base32Encoding.ToBytes(secret));
        await page.GetByLabel("动态验证码").FillAsync(authenticator.ComputeTotp(DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "启用两步验证" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await session.ScreenshotAsync("recovery-codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "我已保存恢复码" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("two-factor-status")).ToContainTextAsync("已启用");
        await session.ScreenshotAsync("security-enabled");

        await page.GetByRole(AriaRole.Button, new() { Name = "安全退出" }).ClickAsync();
        await admin.LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);
        await Assertions.Expect(page).ToHaveURLAsync(VerifyUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "两步验证" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("second-step");
        // The enrolment used this step's code; the app's next one is accepted within the window.
        await page.GetByLabel("动态验证码或恢复码").FillAsync(authenticator.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("首页");
        await admin.OpenMenuAsync("管理员日志");
        await Assertions.Expect(admin.LogRows.First).ToContainTextAsync("两步验证登录");
        await session.ScreenshotAsync("admin-log");
    }

    [GeneratedRegex(@"/admin/twofactor/verify\?returnUrl=")]
    private static partial Regex VerifyUrl();
}
