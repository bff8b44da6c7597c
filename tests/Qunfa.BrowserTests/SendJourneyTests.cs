using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Settings;

namespace Qunfa.BrowserTests;

public sealed class SendJourneyTests
{
    private const string TemplateCode = "SMS_900000200";

    private static readonly Dictionary<string, string> FastEngine = new()
    {
        ["Qunfa:Sending:IdleDelay"] = "00:00:00.050",
        ["Qunfa:Sending:RetryDelay"] = "00:00:00.200",
        ["Qunfa:Sending:RecoveryDelay"] = "00:00:02",
    };

    [Fact]
    public async Task Customer_SendsToThreeNumbers_PreviewsConfirms_AndSeesThemDelivered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, FastEngine);
        using (var client = new PageClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.RootUri }))
        {
            await SetupScenario.CompleteWithSandboxAsync(client);
            await CustomerScenario.RegisterAsync(app, client, "13900139000", "hebei@example.com", "云顶云河北");
        }
        CustomerScenario.Sandbox(app).SeedTemplate(TemplateCode, "您的订单${order}已发货", templateType: 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var assignment = scope.ServiceProvider.GetRequiredService<Assignment>();
            await assignment.AssignSignAsync(SandboxAccount.SignName, SignatureType.General, null, ct);
            await assignment.AssignTemplateAsync(TemplateCode, null, ct);
        }
        await app.WithDbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync();
            db.PackageGrants.Add(new PackageGrant
            {
                CustomerId = customer.Id, Category = SmsCategory.Notification, Size = 100, Status = GrantStatus.Active, Source = GrantSource.Allocated,
                ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(Customer_SendsToThreeNumbers_PreviewsConfirms_AndSeesThemDelivered));
        var page = session.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱/手机号").FillAsync("hebei@example.com");
        await page.GetByLabel("密码").FillAsync(CustomerScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "发送短信" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "发送短信" })).ToBeVisibleAsync();

        await page.GetByLabel("${order}：").FillAsync("A1001");
        await page.Locator("#numbers").FillAsync("13912345678\n13987654321\n13911112222");
        await session.ScreenshotAsync("send-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=preview-content]")).ToHaveTextAsync("【群发沙箱】您的订单A1001已发货");
        await Assertions.Expect(page.Locator("[data-testid=valid-count]")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-testid=balance-after]")).ToHaveTextAsync("97");
        await session.ScreenshotAsync("send-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "确认发送" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交");
        await session.ScreenshotAsync("send-submitted");

        var rows = page.Locator("table tbody tr");
        for (var i = 0; i < 120; i++)
        {
            var texts = await rows.AllInnerTextsAsync();
            if (texts.Count == 3 && texts.All(t => t.Contains("发送成功", StringComparison.Ordinal))) break;
            await Task.Delay(500, ct);
            await page.ReloadAsync();
        }
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        foreach (var phone in new[] { "13912345678", "13987654321", "13911112222" })
            await Assertions.Expect(rows.Filter(new() { HasText = phone })).ToContainTextAsync("发送成功");
        await session.ScreenshotAsync("send-delivered");

        await page.GotoAsync("/console/tasks");
        await Assertions.Expect(page.Locator("table tbody tr").First).ToContainTextAsync("已完成");
        await session.ScreenshotAsync("send-records");
    }
}
