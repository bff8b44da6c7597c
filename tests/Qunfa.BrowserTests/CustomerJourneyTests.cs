using Qunfa.BrowserTests.Pages;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.BrowserTests;

public sealed class CustomerJourneyTests
{
    private static readonly Dictionary<string, string> FastTrial = new()
    {
        ["Qunfa:Workers:ReviewSync:Interval"] = "00:00:00.500",
        ["Qunfa:QualificationReview:Interval"] = "00:00:00.500",
        ["Qunfa:Payments:SandboxTimeScale"] = "0.001",
        ["Qunfa:Sending:IdleDelay"] = "00:00:00.050",
        ["Qunfa:Sending:RetryDelay"] = "00:00:00.200",
    };

    /// <summary>
    /// The whole sandbox trial as a new customer meets it, with nothing but the pages: every code is read from the
    /// page that asked for it, the sandbox reviews, the sandbox Alipay takes the money, 沙箱短信 shows what went out.
    /// </summary>
    [Fact]
    public async Task Customer_TriesTheSandbox_RegistersQualifiesAppliesBuysSends_AndTheAdminSeesEverySms()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, FastTrial);
        using (var operatorClient = new PageClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.RootUri }))
            await SetupScenario.CompleteWithSandboxAsync(operatorClient);
        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.PackageProducts.Add(new PackageProduct { Name = "通知短信包", Category = SmsCategory.Notification, Size = 1000, PriceFen = 4500, ValidityMonths = 12, Recommended = true, CreatedAt = now, UpdatedAt = now });
            return await db.SaveChangesAsync();
        });
        var image = Path.Combine(app.Database.DataDirectory, "image.png");
        await File.WriteAllBytesAsync(image, SetupScenario.Png, TestContext.Current.CancellationToken);
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(Customer_TriesTheSandbox_RegistersQualifiesAppliesBuysSends_AndTheAdminSeesEverySms));
        var page = session.Page;
        var main = page.Locator("main");
        var customer = new CustomerConsolePage(session);

        await customer.RegisterAsync("云顶云河北", "hebei@example.com", "13900139000", "Cust0mer!");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "首页" })).ToBeVisibleAsync();

        await customer.SubmitQualificationAsync(image, "13512345678");
        await customer.ReloadUntilAsync(page.Locator("#qualification-status"), "审批通过");
        await session.ScreenshotAsync("customer-qualification-approved");

        await customer.ApplySignatureAsync("云顶河北", image);
        await customer.ReloadUntilAsync(page.Locator("table tbody tr").First, "审批通过");
        await session.ScreenshotAsync("customer-signature-approved");

        await customer.ApplyTemplateAsync("发货通知", "您的订单${order}已发货，请注意查收。", "云顶河北");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("模板已提交审核");
        await customer.ReloadUntilAsync(page.Locator("table tbody tr").First, "审批通过");
        await Assertions.Expect(page.Locator("table tbody tr").First).ToContainTextAsync("SMS_");
        await session.ScreenshotAsync("customer-template-approved");

        await customer.BuyFirstPackageAsync();
        await page.GotoAsync("/console/packages");
        await customer.ReloadUntilAsync(main, "1000");
        await session.ScreenshotAsync("customer-balance");

        await customer.OpenMenuAsync("发送短信");
        await page.GetByLabel("${order}：").FillAsync("A1001");
        await page.Locator("#numbers").FillAsync("13912345678\n13987654321");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=preview-content]")).ToHaveTextAsync("【云顶河北】您的订单A1001已发货，请注意查收。");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认发送" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交");
        var rows = page.Locator("table tbody tr");
        await customer.ReloadUntilAsync(rows.Filter(new() { HasText = "13987654321" }), "发送成功");
        await Assertions.Expect(rows.Filter(new() { HasText = "13912345678" })).ToContainTextAsync("发送成功");
        await session.ScreenshotAsync("customer-report");

        await customer.OpenMenuAsync("上行回复");
        await page.GetByLabel("手机号码", new() { Exact = true }).First.SelectOptionAsync("13912345678");
        await page.GetByLabel("回复内容").FillAsync("收到");
        await page.GetByRole(AriaRole.Button, new() { Name = "模拟回复" }).ClickAsync();
        await customer.ReloadUntilAsync(page.Locator("table tbody"), "收到");
        await session.ScreenshotAsync("customer-simulated-reply");

        var admin = new AdminConsolePage(session);
        await admin.LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);
        await admin.OpenMenuAsync("沙箱短信");
        var messages = page.Locator("[data-testid=sandbox-message]");
        await Assertions.Expect(messages.Filter(new() { HasText = "【云顶河北】您的订单A1001已发货" })).ToHaveCountAsync(2);
        await Assertions.Expect(messages.Filter(new() { HasText = "【群发沙箱】您的验证码为" })).ToHaveCountAsync(1);
        await Assertions.Expect(messages.Filter(new() { HasText = "【阿里云】验证码" })).ToHaveCountAsync(1);
        await session.ScreenshotAsync("admin-sandbox-sms");
        await page.GetByPlaceholder("手机号码、签名或短信内容").FillAsync("13512345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(messages).ToHaveCountAsync(1);
        await session.ScreenshotAsync("admin-sandbox-sms-search");
    }
}
