using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.BrowserTests.Pages;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Statistics;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.BrowserTests;

/// <summary>首页 and 发送量统计 in a real browser: the figures, and the trend chart drawn by Chart.js under the CSP.</summary>
public sealed class StatisticsJourneyTests
{
    [Fact]
    public async Task Admin_SeesTheDashboard_AndTheVolumeChartWithLegendAndTooltip()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using (var client = new PageClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.RootUri }))
        {
            await SetupScenario.CompleteWithSandboxAsync(client);
            await CustomerScenario.RegisterAsync(app, client, "13900139000", "hebei@example.com", "云顶云河北");
        }
        var today = app.Services.GetRequiredService<OperatorClock>().Today;
        await app.WithDbAsync(async d =>
        {
            var customer = await d.Customers.Select(c => c.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            d.PackageGrants.Add(new PackageGrant
            {
                CustomerId = customer, Category = SmsCategory.Notification, Size = 10000, Used = 3200, Status = GrantStatus.Active,
                Source = GrantSource.Allocated, ExpiresOn = today.AddDays(90), CreatedAt = now, UpdatedAt = now,
            });
            for (var i = 0; i < 30; i++)
            {
                var numbers = 60 + (i * 37 % 90);
                d.SendRollups.Add(new SendRollup
                {
                    CustomerId = customer, Day = today.AddDays(-i), SignName = "云顶云海", TemplateCode = "SMS_172881361", TemplateName = "云顶云河北",
                    TemplateType = TemplateType.Notification, Category = SmsCategory.Notification,
                    Numbers = numbers, Delivered = numbers - 8 - i % 7, Failed = 3 + i % 5, Segments = numbers, RefundedSegments = 3 + i % 5,
                });
            }
            d.Signatures.Add(new Signature { CustomerId = customer, Name = "云顶云海", Status = ReviewStatus.UnderReview, Origin = Origin.Applied, CreatedAt = now, UpdatedAt = now });
            return await d.SaveChangesAsync();
        });
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(Admin_SeesTheDashboard_AndTheVolumeChartWithLegendAndTooltip));
        var page = session.Page;
        var blocked = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) blocked.Add(message.Text); };
        var admin = new AdminConsolePage(session);
        await admin.LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);

        await admin.OpenMenuAsync("首页");
        await Assertions.Expect(page.Locator("[data-category=Notification] [data-figure=remaining]")).ToHaveTextAsync("6800");
        await Assertions.Expect(page.GetByText("短信签名通知")).ToBeVisibleAsync();
        await session.ScreenshotAsync("admin-dashboard");

        await admin.OpenMenuAsync("发送量统计");
        var chart = page.Locator("#volume-chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
        var datasets = await page.EvaluateAsync<string[]>("() => Chart.getChart('volume-chart').data.datasets.map(d => d.label)");
        Assert.Equal(["发送总量", "发送成功", "发送失败"], datasets);
        Assert.True(await page.EvaluateAsync<bool>("() => Chart.getChart('volume-chart').options.plugins.legend.display !== false"));
        var box = await chart.BoundingBoxAsync();
        await page.Mouse.MoveAsync(box!.X + box.Width * 0.6f, box.Y + box.Height / 2);
        await page.WaitForFunctionAsync("() => Chart.getChart('volume-chart').tooltip.getActiveElements().length === 3");
        await session.ScreenshotAsync("admin-volume");
        Assert.Empty(blocked);

        // The customer's console home shows the same figures for its own account.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱/手机号").FillAsync("hebei@example.com");
        await page.GetByLabel("密码").FillAsync(CustomerScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-volume=Notification] [data-figure=today-total]")).ToHaveTextAsync("60");
        await session.ScreenshotAsync("console-home");
    }
}
