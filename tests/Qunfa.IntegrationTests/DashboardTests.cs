using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Statistics;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.IntegrationTests;

/// <summary>首页 for the admin (every customer) and on the console home (the customer's own account only), on a known dataset.</summary>
public sealed partial class DashboardTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Dashboard_ShowsGrantsSendingAndNotices_AndEachCustomerOnlyItsOwn(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var admin = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(admin);
        await SetupScenario.LoginAsync(admin);
        using var first = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, first, "13700000001", "a@example.com", "甲企业");
        using var second = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, second, "13700000002", "b@example.com", "乙企业");
        var today = app.Services.GetRequiredService<OperatorClock>().Today;
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var earlierThisMonth = monthStart < today;

        var (a, deletable) = await app.WithDbAsync(async d =>
        {
            var a = await d.Customers.Where(c => c.Phone == "13700000001").Select(c => c.Id).SingleAsync();
            var b = await d.Customers.Where(c => c.Phone == "13700000002").Select(c => c.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            PackageGrant Grant(int customer, SmsCategory category, int size, int used, GrantStatus status, DateOnly expires) => new()
            {
                CustomerId = customer, Category = category, Size = size, Used = used, Status = status, ExpiresOn = expires,
                Source = GrantSource.Allocated, CreatedAt = now, UpdatedAt = now,
            };
            d.PackageGrants.AddRange(
                Grant(a, SmsCategory.Notification, 100, 30, GrantStatus.Active, today.AddDays(30)),
                Grant(a, SmsCategory.Notification, 50, 10, GrantStatus.Active, today.AddDays(-1)),
                Grant(a, SmsCategory.General, 20, 0, GrantStatus.Frozen, today.AddDays(30)),
                Grant(b, SmsCategory.Promotion, 1000, 400, GrantStatus.Active, today.AddDays(30)));
            SendRollup Rollup(int customer, DateOnly day, SmsCategory category, string template, long numbers, long delivered, long failed = 0, long cancelled = 0) => new()
            {
                CustomerId = customer, Day = day, Category = category, SignName = "签名", TemplateCode = "SMS_1", TemplateName = template,
                TemplateType = category == SmsCategory.Promotion ? TemplateType.Promotion : TemplateType.Notification,
                Numbers = numbers, Delivered = delivered, Failed = failed, Cancelled = cancelled, Segments = numbers,
            };
            d.SendRollups.AddRange(
                Rollup(a, today, SmsCategory.Notification, "发货", 10, 7, failed: 2),
                Rollup(a, today, SmsCategory.Notification, "取消的", 5, 0, cancelled: 5),
                Rollup(a, today.AddMonths(-1), SmsCategory.Notification, "发货", 1000, 1000),
                Rollup(a, today.AddDays(1), SmsCategory.Notification, "定时", 3, 0),
                Rollup(b, today, SmsCategory.Promotion, "促销", 20, 20));
            if (earlierThisMonth) d.SendRollups.Add(Rollup(a, monthStart, SmsCategory.Notification, "发货", 100, 90));
            Signature Sign(int customer, string name, ReviewStatus status, Origin origin) => new()
            {
                CustomerId = customer, Name = name, Status = status, Origin = origin, Type = SignatureType.General, CreatedAt = now, UpdatedAt = now,
            };
            var deletable = Sign(a, "甲签名", ReviewStatus.Pending, Origin.Applied);
            d.Signatures.AddRange(deletable, Sign(a, "甲被拒", ReviewStatus.Rejected, Origin.Applied),
                Sign(b, "乙签名", ReviewStatus.UnderReview, Origin.Applied), Sign(b, "乙分配", ReviewStatus.Approved, Origin.Assigned));
            d.Templates.AddRange(
                new Template { CustomerId = a, Name = "甲模板", Content = "内容${x}", Type = TemplateType.Notification, Status = ReviewStatus.Pending, Origin = Origin.Applied, CreatedAt = now, UpdatedAt = now },
                new Template { CustomerId = b, Name = "乙模板", Content = "内容", TemplateCode = "SMS_2", Type = TemplateType.Promotion, Status = ReviewStatus.Approved, Origin = Origin.Assigned, CreatedAt = now, UpdatedAt = now });
            await d.SaveChangesAsync();
            return (a, deletable.Id);
        });
        // The customer deletes its pending application: it shows among the latest deletions.
        var deleted = await first.PostFormAsync($"/console/signatures?handler=Delete&id={deletable}", new Dictionary<string, string>(), formPath: "/console/signatures");
        Assert.True(deleted.IsRedirectTo("/console/signatures"), deleted.Html);

        var home = (await admin.GetAsync("/admin")).Html;
        foreach (var label in new[] { "通用类", "通知类", "验证码", "推广类", "分配总量", "已使用量", "实际余量", "今日发送成功量", "今日发送总量", "本月发送成功量", "本月发送总量", "短信签名通知", "短信模板通知" })
            Assert.Contains(label, home);
        Assert.Equal((150, 40, 70, 7, 10, earlierThisMonth ? 97 : 7, earlierThisMonth ? 110 : 10), Figures(home, "Notification"));
        Assert.Equal((20, 0, 0, 0, 0, 0, 0), Figures(home, "General"));
        Assert.Equal((1000, 400, 600, 20, 20, 20, 20), Figures(home, "Promotion"));
        Assert.Equal((0, 0, 0, 0, 0, 0, 0), Figures(home, "VerificationCode"));
        Assert.Equal([0, 1, 1, 1], Statuses(home, "signature"));
        Assert.Equal([1, 0, 1, 0], Statuses(home, "template"));
        var applied = await app.WithDbAsync(d => d.Signatures.Where(s => s.Name == "乙签名").Select(s => s.Id).SingleAsync());
        Assert.Contains($"href=\"/admin/signatures/view?id={applied}\"", home);
        Assert.Contains("甲被拒", home);
        Assert.DoesNotContain("乙分配", home); // assigned by the admin, not an application
        Assert.Contains($"href=\"/admin/customers/signatures?id={a}\">甲签名</a>", home);

        var own = (await first.GetAsync("/console")).Html;
        Assert.Equal((150, 40, 70), Balance(own, "Notification"));
        Assert.Equal((7, 10, earlierThisMonth ? 97 : 7, earlierThisMonth ? 110 : 10), Volume(own, "Notification"));
        Assert.Equal((0, 0, 0), Balance(own, "Promotion"));
        Assert.Equal((0, 0, 0, 0), Volume(own, "Promotion"));
        Assert.Equal([0, 0, 0, 1], Statuses(own, "signature"));
        Assert.DoesNotContain("乙签名", own);
        Assert.DoesNotContain("乙模板", own);
        Assert.Contains("甲签名", own);

        var theirs = (await second.GetAsync("/console")).Html;
        Assert.Equal((1000, 400, 600), Balance(theirs, "Promotion"));
        Assert.Equal((20, 20, 20, 20), Volume(theirs, "Promotion"));
        Assert.Equal((0, 0, 0), Balance(theirs, "Notification"));
        Assert.Equal((0, 0, 0, 0), Volume(theirs, "Notification"));
        Assert.DoesNotContain("甲签名", theirs);
        Assert.Contains("乙签名", theirs);
    }

    private static (long, long, long, long, long, long, long) Figures(string html, string category)
    {
        var start = html.IndexOf($"data-category=\"{category}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, category);
        var block = html[start..html.IndexOf("</dl>", start, StringComparison.Ordinal)];
        long F(string name) => long.Parse(Regex.Match(block, $"data-figure=\"{name}\">(-?\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (F("allocated"), F("used"), F("remaining"), F("today-delivered"), F("today-total"), F("month-delivered"), F("month-total"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ConsoleHome_ShowsBalancesByPackageType_AndVolumeByTemplateType_SoTheyReconcile(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.RegisterAsync(app, client, "13700000003", "c@example.com", "丙企业");
        var today = app.Services.GetRequiredService<OperatorClock>().Today;
        await app.WithDbAsync(async d =>
        {
            var c = await d.Customers.Select(x => x.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            // A 通用类 package paid for notices: its use shows under the package, the volume under 通知类 templates.
            d.PackageGrants.Add(new PackageGrant
            {
                CustomerId = c, Category = SmsCategory.General, Size = 400000, Used = 117705, Status = GrantStatus.Active,
                ExpiresOn = today.AddDays(30), Source = GrantSource.Allocated, CreatedAt = now, UpdatedAt = now,
            });
            d.SendRollups.Add(new SendRollup
            {
                CustomerId = c, Day = today, Category = SmsCategory.Notification, SignName = "签名", TemplateCode = "SMS_1", TemplateName = "通知",
                TemplateType = TemplateType.Notification, Numbers = 117705, Delivered = 117000, Segments = 117705,
            });
            return await d.SaveChangesAsync();
        });

        var home = (await client.GetAsync("/console")).Html;

        Assert.Contains("短信包余量（按短信包类型）", home);
        Assert.Contains("发送量（按模板类型）", home);
        Assert.Equal((400000, 117705, 282295), Balance(home, "General"));
        Assert.Equal((0, 0, 0), Balance(home, "Notification"));
        Assert.Equal((117000, 117705, 117000, 117705), Volume(home, "Notification"));
        // Volume is never listed under a package type, nor balances under a template type.
        Assert.DoesNotContain("data-volume=\"General\"", home);
        Assert.DoesNotContain("data-figure=\"today-total\"", home[..home.IndexOf("volume-heading", StringComparison.Ordinal)]);
    }

    private static (long, long, long) Balance(string html, string category)
    {
        var start = html.IndexOf($"data-category=\"{category}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, category);
        var block = html[start..html.IndexOf("</dl>", start, StringComparison.Ordinal)];
        Assert.DoesNotContain("today", block);
        return (F(block, "allocated"), F(block, "used"), F(block, "remaining"));
    }

    private static (long, long, long, long) Volume(string html, string templateType)
    {
        var start = html.IndexOf($"data-volume=\"{templateType}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, templateType);
        var block = html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
        return (F(block, "today-delivered"), F(block, "today-total"), F(block, "month-delivered"), F(block, "month-total"));
    }

    private static long F(string block, string name) =>
        long.Parse(Regex.Match(block, $"data-figure=\"{name}\">(-?\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>待审批, 审批中, 审批通过, 审批未通过 counts.</summary>
    private static int[] Statuses(string html, string kind)
    {
        var start = html.IndexOf($"data-kind=\"{kind}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, kind);
        var block = html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
        return [.. StatusCount().Matches(block).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    [GeneratedRegex("<strong>(\\d+)</strong>")]
    private static partial Regex StatusCount();
}
