using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.BrowserTests;

/// <summary>Every menu entry of both consoles opens in Chromium without an error, with a screenshot of each for a person to look at.</summary>
public sealed class PageTourTests
{
    /// <summary>Every admin menu entry (沙箱短信 is shown while the sandbox is the carrier), the address it must open and that page's heading (财务管理 opens 财务列表).</summary>
    private static readonly (string Entry, string Path, string Heading)[] AdminMenu =
    [
        ("首页", "/admin", "首页"), ("配置信息", "/admin/settings/profile", "配置信息"), ("AK 管理", "/admin/settings/carrier", "AK 管理"), ("支付配置", "/admin/settings/payment", "支付配置"),
        ("用户管理", "/admin/customers", "用户管理"), ("签名管理", "/admin/signatures", "签名管理"), ("模板管理", "/admin/templates", "模板管理"),
        ("短信包管理", "/admin/packages", "短信包管理"), ("订单管理", "/admin/orders", "订单管理"), ("财务管理", "/admin/finance", "财务列表"),
        ("任务记录", "/admin/sends/tasks", "任务记录"), ("发送记录", "/admin/sends/records", "发送记录"), ("上行回复", "/admin/replies", "上行回复"),
        ("沙箱短信", "/admin/sandbox", "沙箱短信"), ("发送量统计", "/admin/statistics/volume", "发送量统计"),
        ("发送记录查询", "/admin/statistics/records", "发送记录查询"), ("管理员日志", "/admin/log", "管理员日志"), ("安全设置", "/admin/security", "安全设置"),
    ];
    /// <summary>The customer's menu: every entry's page is headed with the entry's own name.</summary>
    private static readonly (string Entry, string Path)[] ConsoleMenu =
    [
        ("首页", "/console"), ("资质管理", "/console/qualification"), ("签名管理", "/console/signatures"), ("模板管理", "/console/templates"),
        ("短信包", "/console/packages"), ("购买短信包", "/console/packages/buy"), ("发送短信", "/console/send"), ("发送记录", "/console/tasks"),
        ("发送记录查询", "/console/records"), ("接口密钥", "/console/api-keys"), ("上行回复", "/console/replies"), ("退订名单", "/console/opt-outs"),
        ("回调设置", "/console/webhook"), ("我的订单", "/console/orders"), ("账号设置", "/console/account"),
    ];

    [Fact]
    public async Task EveryMenuEntry_OfBothConsoles_Opens()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using (var client = new PageClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.RootUri }))
        {
            await SetupScenario.CompleteWithSandboxAsync(client);
            await CustomerScenario.RegisterAsync(app, client, "13900139000", "hebei@example.com", "云顶云河北");
        }
        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.PackageProducts.Add(new PackageProduct { Name = "中秋特惠", Category = SmsCategory.General, Size = 10000, PriceFen = 38000, ValidityMonths = 12, Recommended = true, CreatedAt = now, UpdatedAt = now });
            db.PackageProducts.Add(new PackageProduct { Name = "通知套餐", Category = SmsCategory.Notification, Size = 1000, PriceFen = 3800, ValidityMonths = 6, Recommended = true, SortOrder = 1, CreatedAt = now, UpdatedAt = now });
            var customer = await db.Customers.SingleAsync();
            db.PackageGrants.Add(new PackageGrant { CustomerId = customer.Id, Category = SmsCategory.General, Size = 100, ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), Status = GrantStatus.Active, Source = GrantSource.Allocated, CreatedAt = now, UpdatedAt = now });
            return await db.SaveChangesAsync();
        });
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(EveryMenuEntry_OfBothConsoles_Opens));
        var page = session.Page;
        var failures = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) failures.Add($"{response.Status} {response.Url}");
        };

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText("中秋特惠").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("portal");

        var admin = new Pages.AdminConsolePage(session);
        await admin.LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);
        foreach (var (entry, path, heading) in AdminMenu)
        {
            await admin.OpenMenuAsync(entry);
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
            await Assertions.Expect(page.Locator("h1").First).ToHaveTextAsync(heading);
            await Assertions.Expect(page).ToHaveTitleAsync(heading + " - 短信群发后台管理系统");
            await Assertions.Expect(page.Locator(".admin-nav a.active")).ToHaveTextAsync(entry);
            await session.ScreenshotAsync("admin-" + entry.Replace(' ', '-'));
        }

        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱/手机号").FillAsync("hebei@example.com");
        await page.GetByLabel("密码").FillAsync(CustomerScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        foreach (var (entry, path) in ConsoleMenu)
        {
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = entry, Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
            await Assertions.Expect(page.Locator("h1").First).ToHaveTextAsync(entry);
            await Assertions.Expect(page).ToHaveTitleAsync(entry + " - 用户控制台");
            await Assertions.Expect(page.Locator(".admin-nav a.active")).ToHaveTextAsync(entry);
            await session.ScreenshotAsync("console-" + entry);
        }

        Assert.Empty(failures);
    }
}
