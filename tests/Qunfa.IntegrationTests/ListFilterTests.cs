using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.IntegrationTests;

/// <summary>
/// The list pages' filters: a reversed date range is refused with a Chinese message and nothing listed, on every
/// date-range filter of both consoles; 分配记录 has the manual's 搜索.
/// </summary>
public sealed class ListFilterTests
{
    private const string Reversed = "from=2026-03-10&to=2026-03-01";
    private const string ReversedMessage = "结束日期不能早于开始日期";

    private static async Task<(QunfaApp App, PageClient Admin, PageClient Customer, int CustomerId)> StartAsync(DatabaseKind db)
    {
        var app = await QunfaApp.StartAsync(db);
        var admin = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(admin);
        await SetupScenario.LoginAsync(admin);
        var customer = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, customer, "13900139301", "filters@example.com", "筛选企业");
        var id = await app.WithDbAsync(d => d.Customers.Select(c => c.Id).SingleAsync());
        return (app, admin, customer, id);
    }

    private static PackageGrant Grant(int customerId, SmsCategory category, int size, DateTimeOffset at, GrantSource source = GrantSource.Allocated) => new()
    {
        CustomerId = customerId, Category = category, Size = size, Status = GrantStatus.Active, Source = source,
        ExpiresOn = new DateOnly(2030, 1, 1), CreatedAt = at, UpdatedAt = at,
    };

    /// <summary>The sizes in the grant table's rows (the 规格 column), in order.</summary>
    private static List<string> Sizes(PageResponse page)
    {
        var body = Regex.Match(page.Html, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        return Regex.Matches(body, "<tr>(.*?)</tr>", RegexOptions.Singleline)
            .Select(r => Regex.Matches(r.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline))
            .Where(cells => cells.Count > 4)
            .Select(cells => cells[4].Groups[1].Value.Trim())
            .ToList();
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReversedDateRange_OnEveryRangeFilter_IsRefusedWithAMessage_AndListsNothing(DatabaseKind db)
    {
        var (app, admin, customer, id) = await StartAsync(db);
        await using var _ = app;
        using var __ = admin;
        using var ___ = customer;
        // A grant inside the range read either way round: a swapped range would list it.
        await app.WithDbAsync(async d =>
        {
            d.PackageGrants.Add(Grant(id, SmsCategory.General, 4321, new DateTimeOffset(2026, 3, 5, 4, 0, 0, TimeSpan.Zero)));
            return await d.SaveChangesAsync();
        });
        Assert.Contains("4321", (await admin.GetAsync("/admin/finance?from=2026-03-01&to=2026-03-10")).Html);

        foreach (var path in new[]
                 {
                     "/admin/finance?" + Reversed,
                     $"/admin/customers/grants?id={id}&" + Reversed,
                     "/admin/orders?" + Reversed,
                     "/admin/sends/tasks?" + Reversed,
                     "/admin/sends/records?" + Reversed,
                     "/admin/statistics/volume?" + Reversed,
                     "/admin/statistics/records?by=phone&phone=13912345678&" + Reversed,
                 })
        {
            var page = await admin.GetAsync(path);
            Assert.True(page.Html.Contains(ReversedMessage, StringComparison.Ordinal), $"No message on {path}");
            Assert.DoesNotContain("4321", page.Html);
        }
        Assert.Contains(ReversedMessage, (await customer.GetAsync("/console/records?by=phone&phone=13912345678&" + Reversed)).Html);

        // Nothing is exported for a refused range either.
        Assert.False((await admin.GetAsync("/admin/orders?handler=Export&" + Reversed)).Status == System.Net.HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GrantRecords_SearchByTypeSourceOrderNumberAndDays_WithinThatCustomerOnly(DatabaseKind db)
    {
        var (app, admin, customer, id) = await StartAsync(db);
        await using var _ = app;
        using var __ = admin;
        using var ___ = customer;
        var other = (await AdminCustomerTests.SeedCustomersAsync(app, 1, "别家"))[0];
        await app.WithDbAsync(async d =>
        {
            d.PackageGrants.AddRange(
                Grant(id, SmsCategory.Notification, 111, new DateTimeOffset(2026, 3, 1, 4, 0, 0, TimeSpan.Zero)),
                Grant(id, SmsCategory.General, 222, new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero)),
                Grant(id, SmsCategory.General, 333, new DateTimeOffset(2026, 3, 3, 4, 0, 0, TimeSpan.Zero), GrantSource.Purchased),
                Grant(other, SmsCategory.Notification, 999, new DateTimeOffset(2026, 3, 1, 4, 0, 0, TimeSpan.Zero)));
            return await d.SaveChangesAsync();
        });
        var page = $"/admin/customers/grants?id={id}";

        var form = await admin.GetAsync(page);
        Assert.Contains("role=\"search\"", form.Html);
        Assert.Equal(["333", "222", "111"], Sizes(form));

        Assert.Equal(["111"], Sizes(await admin.GetAsync(page + "&q=" + Uri.EscapeDataString("通知类"))));
        Assert.Equal(["333"], Sizes(await admin.GetAsync(page + "&q=" + Uri.EscapeDataString("购买"))));
        Assert.Equal(["222"], Sizes(await admin.GetAsync(page + "&from=2026-03-02&to=2026-03-02")));
        Assert.Empty(Sizes(await admin.GetAsync(page + "&q=nothing-matches")));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AdminsPermanentDelete_ShowsUnderLatestDeletions_OnBothHomePages(DatabaseKind db)
    {
        var (app, admin, customer, id) = await StartAsync(db);
        await using var _ = app;
        using var __ = admin;
        using var ___ = customer;
        var (signId, templateId) = await app.WithDbAsync(async d =>
        {
            var now = DateTimeOffset.UtcNow;
            var sign = new Signature { CustomerId = id, Name = "被删签名", Type = SignatureType.General, Origin = Origin.Assigned, Status = ReviewStatus.Approved, CreatedAt = now, UpdatedAt = now };
            var template = new Template { CustomerId = id, Name = "被删模板", TemplateCode = "SMS_900000777", Type = TemplateType.Notification, Origin = Origin.Assigned, Status = ReviewStatus.Approved, Content = "内容", CreatedAt = now, UpdatedAt = now };
            d.AddRange(sign, template);
            await d.SaveChangesAsync();
            return (sign.Id, template.Id);
        });

        Assert.True((await admin.PostFormAsync($"/admin/signatures/delete?id={signId}", new Dictionary<string, string>())).IsRedirectTo($"/admin/customers/signatures?id={id}"));
        Assert.True((await admin.PostFormAsync($"/admin/templates/delete?id={templateId}", new Dictionary<string, string>())).IsRedirectTo($"/admin/customers/templates?id={id}"));

        foreach (var home in new[] { await admin.GetAsync("/admin"), await customer.GetAsync("/console") })
        {
            var deletions = home.Html[home.Html.IndexOf("最新删除", StringComparison.Ordinal)..];
            Assert.Contains("被删签名", home.Html[home.Html.IndexOf("最新删除", StringComparison.Ordinal)..]);
            Assert.Contains("被删模板", home.Html[home.Html.LastIndexOf("最新删除", StringComparison.Ordinal)..]);
            Assert.Contains("管理员删除", deletions);
        }
    }
}
