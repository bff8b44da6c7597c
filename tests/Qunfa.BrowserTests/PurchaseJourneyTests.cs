using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.BrowserTests;

public sealed class PurchaseJourneyTests
{
    [Theory]
    [InlineData(PaymentProtocol.Md5)]
    [InlineData(PaymentProtocol.Rsa2)]
    public async Task Customer_BuysAPackage_ThroughTheSandboxAlipay_AndSeesTheBalance(PaymentProtocol protocol)
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, new Dictionary<string, string> { ["Qunfa:Payments:SandboxTimeScale"] = "0.001" });
        using (var client = new PageClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.RootUri }))
        {
            await SetupScenario.CompleteWithSandboxAsync(client);
            await CustomerScenario.RegisterAsync(app, client, "13900139000", "hebei@example.com", "云顶云河北");
        }
        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.PackageProducts.Add(new PackageProduct { Name = "中秋特惠", Category = SmsCategory.Notification, Size = 10000, PriceFen = 38000, ValidityMonths = 12, Recommended = true, CreatedAt = now, UpdatedAt = now });
            await db.PaymentSettings.ExecuteUpdateAsync(s => s.SetProperty(p => p.Protocol, protocol));
            return await db.SaveChangesAsync();
        });
        await using var session = await BrowserSession.OpenAsync(app.RootUri, $"{nameof(Customer_BuysAPackage_ThroughTheSandboxAlipay_AndSeesTheBalance)}-{protocol}");
        var page = session.Page;

        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱/手机号").FillAsync("hebei@example.com");
        await page.GetByLabel("密码").FillAsync(CustomerScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "购买短信包" }).ClickAsync();
        await session.ScreenshotAsync("buy");
        await page.GetByRole(AriaRole.Button, new() { Name = "立即购买" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("未支付").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("order");

        await page.GetByRole(AriaRole.Link, new() { Name = "去支付" }).ClickAsync();
        await Assertions.Expect(page.GetByText("380.00").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("cashier");
        await page.GetByRole(AriaRole.Button, new() { Name = "付款" }).ClickAsync();
        // The return page shows the order as the database has it; the notification may still be on its way.
        await Assertions.Expect(page.GetByText("订单编号").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("returned");
        await page.GotoAsync("/console/orders");
        for (var i = 0; i < 60 && !(await page.Locator("main").InnerTextAsync()).Contains("已支付", StringComparison.Ordinal); i++)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
        }
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("已支付");
        await session.ScreenshotAsync("orders");

        await page.GotoAsync("/console/packages");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("10000");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("购买");
        await session.ScreenshotAsync("balance");
        Assert.Equal(1, await app.WithDbAsync(db => db.PackageGrants.CountAsync(g => g.Source == GrantSource.Purchased && g.Size == 10000)));
    }
}
