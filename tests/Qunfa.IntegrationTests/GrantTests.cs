using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.IntegrationTests;

/// <summary>分配短信包, 分配记录 with 修改, the customer's balances and 财务管理.</summary>
public sealed class GrantTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Allocation(string size, string expires, string category) => new()
    {
        ["Input.Size"] = size,
        ["Input.ExpiresOn"] = expires,
        ["Input.Category"] = category,
    };

    private static Dictionary<string, string> GrantEdit(string size, string expires, string used, string status, int seenUsed) => new()
    {
        ["Input.Size"] = size,
        ["Input.ExpiresOn"] = expires,
        ["Input.Used"] = used,
        ["Input.Status"] = status,
        ["Input.SeenUsed"] = seenUsed.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task<(QunfaApp App, PageClient Admin, PageClient Customer, int CustomerId)> WithCustomerAsync(DatabaseKind db)
    {
        var (app, admin) = await PackageTests.AdminAsync(db, sandbox: true);
        var customer = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, customer, "13900139201", "grants@example.com", "短信包企业");
        var id = await app.WithDbAsync(d => d.Customers.Where(c => c.Phone == "13900139201").Select(c => c.Id).SingleAsync());
        return (app, admin, customer, id);
    }

    private static async Task<int> AllocateAsync(QunfaApp app, PageClient admin, int customerId, string size, DateOnly expires, string category)
    {
        var response = await admin.PostFormAsync($"/admin/customers/allocate?id={customerId}", Allocation(size, Day(expires), category));
        Assert.True(response.IsRedirectTo($"/admin/customers/grants?id={customerId}"), response.Html);
        return await app.WithDbAsync(d => d.PackageGrants.Where(g => g.CustomerId == customerId).OrderByDescending(g => g.Id).Select(g => g.Id).FirstAsync());
    }

    private static string Balance(string html, SmsCategory category)
    {
        var marker = $"data-balance=\"{category}\">";
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"No balance for {category}");
        at += marker.Length;
        return html[at..html.IndexOf('<', at)];
    }

    [Fact]
    public async Task GrantPages_Anonymous_RedirectToTheAdminLogin()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);
        var id = (await AdminCustomerTests.SeedCustomersAsync(app, 1))[0];

        foreach (var path in new[] { $"/admin/customers/allocate?id={id}", $"/admin/customers/grants?id={id}", "/admin/customers/grant-edit?id=1", "/admin/finance" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.Status);
            Assert.Contains("/admin/login", response.Location);
        }
        await client.PostWithoutTokenAsync($"/admin/customers/allocate?id={id}", Allocation("100", Day(Today.AddDays(5)), "General"));
        Assert.False(await app.WithDbAsync(d => d.PackageGrants.AnyAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Allocate_TheCustomerSeesTheGrantAndItsBalance_AndItIsLogged(DatabaseKind db)
    {
        var (app, admin, customer, customerId) = await WithCustomerAsync(db);
        await using var _ = app;
        using var __ = admin;
        using var ___ = customer;

        var list = await admin.GetAsync("/admin/customers");
        Assert.Contains($"/admin/customers/allocate?id={customerId}", list.Html);
        Assert.Contains($"/admin/customers/grants?id={customerId}", list.Html);

        var form = await admin.GetAsync($"/admin/customers/allocate?id={customerId}");
        foreach (var label in new[] { "分配短信包", "用户", "短信包企业", "包规格", "有效截止日期", "类型", "通用类", "通知类", "推广类", "验证码" })
            Assert.Contains(label, form.Html);

        var expires = Today.AddDays(30);
        await AllocateAsync(app, admin, customerId, "100", expires, "Notification");
        await AllocateAsync(app, admin, customerId, "50", Today, "Notification"); // today is still usable
        await AllocateAsync(app, admin, customerId, "7", expires, "General");

        var grant = await app.WithDbAsync(d => d.PackageGrants.OrderBy(g => g.Id).FirstAsync());
        Assert.Equal((customerId, SmsCategory.Notification, 100, 0, expires, GrantStatus.Active, GrantSource.Allocated, (int?)null),
            (grant.CustomerId, grant.Category, grant.Size, grant.Used, grant.ExpiresOn, grant.Status, grant.Source, grant.OrderId));

        var records = await admin.GetAsync($"/admin/customers/grants?id={customerId}");
        foreach (var column in new[] { "序号", "企业名称", "分配时间", "类型", "规格", "已使用", "余量", "有效期限", "状态", "订单来源", "订单ID", "操作" })
            Assert.Contains($"<th>{column}</th>", records.Html);
        Assert.Contains("共3条", records.Html);
        foreach (var cell in new[] { "<td>短信包企业</td>", "<td>通知类</td>", "<td>100</td>", "<td>0</td>", $">{Day(expires)}</td>", ">正常</td>", "<td>管理员分配</td>" })
            Assert.Contains(cell, records.Html);
        Assert.Contains($"/admin/customers/grant-edit?id={grant.Id}", records.Html);
        PackageTests.AssertInOrder(records.Html, "<td>7</td>", "<td>50</td>", "<td>100</td>"); // newest first

        var own = await customer.GetAsync("/console/packages");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal("150", Balance(own.Html, SmsCategory.Notification));
        Assert.Equal("7", Balance(own.Html, SmsCategory.General));
        Assert.Equal("0", Balance(own.Html, SmsCategory.Promotion));
        Assert.Equal("0", Balance(own.Html, SmsCategory.VerificationCode));
        foreach (var column in new[] { "分配时间", "类型", "规格", "已使用", "余量", "有效期限", "状态", "来源" })
            Assert.Contains($"<th>{column}</th>", own.Html);
        Assert.Contains($">{Day(expires)}</td>", own.Html);
        Assert.Contains("<td>管理员分配</td>", own.Html);

        Assert.Equal(3, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.AllocateGrant && e.Succeeded)));
        Assert.Contains("分配短信包", (await admin.GetAsync("/admin/log")).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Allocate_BadInput_GetsItsMessage_AndNothingIsSaved(DatabaseKind db)
    {
        var (app, admin) = await PackageTests.AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        var customerId = (await AdminCustomerTests.SeedCustomersAsync(app, 1))[0];
        var good = Day(Today.AddDays(10));

        foreach (var (size, expires, category, message) in new[]
                 {
                     ("", good, "General", "请填写包规格"),
                     ("0", good, "General", "包规格应为1到100000000之间的整数"),
                     ("12.5", good, "General", "包规格应为1到100000000之间的整数"),
                     ("100000001", good, "General", "包规格应为1到100000000之间的整数"),
                     ("100", "", "General", "请填写有效截止日期"),
                     ("100", "2026/13/01", "General", "有效截止日期格式应为yyyy-MM-dd"),
                     ("100", Day(Today.AddDays(-1)), "General", "有效截止日期不能早于今天"),
                     ("100", Day(Today.AddYears(11)), "General", "有效截止日期不能晚于10年之后"),
                     ("100", good, "", "请选择类型"),
                 })
        {
            var refused = await admin.PostFormAsync($"/admin/customers/allocate?id={customerId}", Allocation(size, expires, category));
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            PackageTests.AssertFieldError(refused.Html, message);
        }
        Assert.False(await app.WithDbAsync(d => d.PackageGrants.AnyAsync()));
        Assert.Equal(9, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.AllocateGrant && !e.Succeeded)));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/customers/allocate?id=999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/customers/grants?id=999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/customers/grant-edit?id=999999")).Status);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Edit_UsedAboveSize_IsRefused_AndAValidEditChangesTheBalance(DatabaseKind db)
    {
        var (app, admin, customer, customerId) = await WithCustomerAsync(db);
        await using var _ = app;
        using var __ = admin;
        using var ___ = customer;
        var expires = Today.AddDays(60);
        var id = await AllocateAsync(app, admin, customerId, "100", expires, "Promotion");

        var form = await admin.GetAsync($"/admin/customers/grant-edit?id={id}");
        foreach (var label in new[] { "包规格", "有效截止日期", "使用量", "状态", "正常", "失效", "冻结", "短信包企业" })
            Assert.Contains(label, form.Html);
        Assert.Contains($"value=\"{Day(expires)}\"", form.Html);

        var over = await admin.PostFormAsync($"/admin/customers/grant-edit?id={id}", GrantEdit("100", Day(expires), "101", "Active", 0));
        Assert.Equal(HttpStatusCode.OK, over.Status);
        PackageTests.AssertFieldError(over.Html, "使用量不能大于包规格");
        var shrink = await admin.PostFormAsync($"/admin/customers/grant-edit?id={id}", GrantEdit("20", Day(expires), "30", "Active", 0));
        PackageTests.AssertFieldError(shrink.Html, "使用量不能大于包规格");
        PackageTests.AssertFieldError((await admin.PostFormAsync($"/admin/customers/grant-edit?id={id}", GrantEdit("100", Day(expires), "-1", "Active", 0))).Html, "使用量应为0到包规格之间的整数");
        PackageTests.AssertFieldError((await admin.PostFormAsync($"/admin/customers/grant-edit?id={id}", GrantEdit("100", Day(expires), "", "Active", 0))).Html, "请填写使用量");
        PackageTests.AssertFieldError((await admin.PostFormAsync($"/admin/customers/grant-edit?id={id}", GrantEdit("100", Day(expires), "0", "", 0))).Html, "请选择状态");
        var unchanged = await app.WithDbAsync(d => d.PackageGrants.SingleAsync());
        Assert.Equal((100, 0, GrantStatus.Active), (unchanged.Size, unchanged.Used, unchanged.Status));

        // Sends spent from it after the form was read: the edit would overwrite them, so it is refused.
        await app.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.Used, 5)));
        var stale = await admin.PostFormAsync($"/admin/customers/grant-edit?id={id}", GrantEdit("100", Day(expires), "0", "Active", 0));
        Assert.Contains("该短信包的使用量已变化", stale.Html);
        Assert.Equal(5, await app.WithDbAsync(d => d.PackageGrants.Select(g => g.Used).SingleAsync()));

        var saved = await admin.PostFormAsync($"/admin/customers/grant-edit?id={id}", GrantEdit("200", Day(expires.AddDays(1)), "30", "Active", 5));
        Assert.True(saved.IsRedirectTo($"/admin/customers/grants?id={customerId}"), saved.Html);
        var grant = await app.WithDbAsync(d => d.PackageGrants.SingleAsync());
        Assert.Equal((200, 30, expires.AddDays(1), GrantStatus.Active), (grant.Size, grant.Used, grant.ExpiresOn, grant.Status));
        Assert.Equal("170", Balance((await customer.GetAsync("/console/packages")).Html, SmsCategory.Promotion));
        var records = await admin.GetAsync($"/admin/customers/grants?id={customerId}");
        Assert.Contains("<td>200</td>", records.Html);
        Assert.Contains("<td>30</td>", records.Html);
        Assert.Contains("<td>170</td>", records.Html);

        // 冻结 and 失效 take the grant out of the balance.
        foreach (var (status, label) in new[] { ("Frozen", "冻结"), ("Invalid", "失效") })
        {
            Assert.True((await admin.PostFormAsync($"/admin/customers/grant-edit?id={id}", GrantEdit("200", Day(expires), "30", status, 30))).IsRedirectTo($"/admin/customers/grants?id={customerId}"));
            var own = await customer.GetAsync("/console/packages");
            Assert.Equal("0", Balance(own.Html, SmsCategory.Promotion));
            Assert.Contains($">{label}</td>", own.Html);
            Assert.Contains($">{label}</td>", (await admin.GetAsync($"/admin/customers/grants?id={customerId}")).Html);
        }

        Assert.Equal(3, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.EditGrant && e.Succeeded)));
        Assert.Equal(6, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.EditGrant && !e.Succeeded)));
        Assert.Contains("修改用户短信包", (await admin.GetAsync("/admin/log")).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ExpiredGrant_IsShownAsExpired_AndLeftOutOfTheBalance(DatabaseKind db)
    {
        var (app, admin, customer, customerId) = await WithCustomerAsync(db);
        await using var _ = app;
        using var __ = admin;
        using var ___ = customer;
        var soonId = await AllocateAsync(app, admin, customerId, "1000", Today.AddDays(3), "General");
        await AllocateAsync(app, admin, customerId, "40", Today.AddDays(3), "General");
        Assert.Equal("1040", Balance((await customer.GetAsync("/console/packages")).Html, SmsCategory.General));

        // 修改 may move the expiry into the past (allocation may not).
        var yesterday = Today.AddDays(-1);
        Assert.True((await admin.PostFormAsync($"/admin/customers/grant-edit?id={soonId}", GrantEdit("1000", Day(yesterday), "0", "Active", 0)))
            .IsRedirectTo($"/admin/customers/grants?id={customerId}"));

        var own = await customer.GetAsync("/console/packages");
        Assert.Equal("40", Balance(own.Html, SmsCategory.General));
        Assert.Contains(">已过期</td>", own.Html);
        Assert.Contains(">正常</td>", own.Html);
        Assert.Contains($">{Day(yesterday)}</td>", own.Html);
        Assert.Contains(">已过期</td>", (await admin.GetAsync($"/admin/customers/grants?id={customerId}")).Html);
        Assert.Contains(">已过期</td>", (await admin.GetAsync("/admin/finance")).Html);

        // The balance rule agrees: nothing can be spent from it.
        var grants = await app.WithDbAsync(d => d.PackageGrants.Where(g => g.CustomerId == customerId).ToListAsync());
        Assert.Equal(40, BalanceRule.Balance(grants, SmsCategory.General, Today));
        Assert.Null(BalanceRule.Plan(grants, SmsCategory.General, 41, Today));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Finance_ListsEveryGrant_SearchesCompanyAndEmail_AndFiltersByOperatorDays(DatabaseKind db)
    {
        var (app, admin) = await PackageTests.AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        var ids = await AdminCustomerTests.SeedCustomersAsync(app, 3, "财务企业");
        // 2026-03-01 23:30 and 2026-03-02 00:30 in Shanghai are both 1 March in UTC.
        var lateFirst = new DateTimeOffset(2026, 3, 1, 15, 30, 0, TimeSpan.Zero);
        var earlySecond = new DateTimeOffset(2026, 3, 1, 16, 30, 0, TimeSpan.Zero);
        await app.WithDbAsync(async d =>
        {
            PackageGrant Grant(int customer, DateTimeOffset at, int size, GrantSource source) => new()
            {
                CustomerId = customer, Category = SmsCategory.General, Size = size, Used = 1, ExpiresOn = new DateOnly(2099, 12, 31),
                Status = GrantStatus.Active, Source = source, CreatedAt = at, UpdatedAt = at,
            };
            d.PackageGrants.Add(Grant(ids[0], lateFirst, 111, GrantSource.Allocated));
            d.PackageGrants.Add(Grant(ids[1], earlySecond, 222, GrantSource.Purchased));
            for (var n = 0; n < 10; n++)
                d.PackageGrants.Add(Grant(ids[2], new DateTimeOffset(2026, 4, 1, 2, 0, 0, TimeSpan.Zero).AddHours(n), 300 + n, GrantSource.Allocated));
            return await d.SaveChangesAsync();
        });

        var all = await admin.GetAsync("/admin/finance");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        foreach (var column in new[] { "序号", "企业名称", "邮箱", "分配时间", "类型", "规格", "已使用", "余量", "有效期限", "状态", "来源" })
            Assert.Contains($"<th>{column}</th>", all.Html);
        Assert.Contains("共12条", all.Html);
        Assert.Contains("<td>309</td>", all.Html); // newest first
        Assert.DoesNotContain("<td>111</td>", all.Html);
        var second = await admin.GetAsync("/admin/finance?p=2");
        Assert.Contains("<td>111</td>", second.Html);
        Assert.Contains("<td>222</td>", second.Html);
        Assert.Contains("<td>购买</td>", second.Html);
        Assert.Contains("<td>管理员分配</td>", second.Html);
        Assert.Contains("2026-03-01 23:30:00", second.Html); // 分配时间 in the operator's zone
        Assert.Contains("user01@example.com</td>", second.Html);
        Assert.Contains("<td>110</td>", second.Html); // 余量

        var byCompany = await admin.GetAsync($"/admin/finance?q={Uri.EscapeDataString("财务企业02")}");
        Assert.Contains("共1条", byCompany.Html);
        Assert.Contains("<td>222</td>", byCompany.Html);
        var byEmail = await admin.GetAsync("/admin/finance?q=USER03%40example");
        Assert.Contains("共10条", byEmail.Html);
        Assert.Contains("共0条", (await admin.GetAsync("/admin/finance?q=nobody")).Html);

        var firstDay = await admin.GetAsync("/admin/finance?from=2026-03-01&to=2026-03-01");
        Assert.Contains("共1条", firstDay.Html);
        Assert.Contains("<td>111</td>", firstDay.Html);
        var secondDay = await admin.GetAsync("/admin/finance?from=2026-03-02&to=2026-03-02");
        Assert.Contains("共1条", secondDay.Html);
        Assert.Contains("<td>222</td>", secondDay.Html);
        Assert.Contains("value=\"2026-03-02\"", secondDay.Html);
        Assert.Contains("共2条", (await admin.GetAsync("/admin/finance?from=2026-03-01&to=2026-03-31")).Html);
        var reversed = (await admin.GetAsync("/admin/finance?from=2026-03-31&to=2026-03-01")).Html;
        Assert.Contains("结束日期不能早于开始日期", reversed); // refused, nothing queried
        Assert.Contains("共0条", reversed);
        Assert.Contains("共10条", (await admin.GetAsync("/admin/finance?from=2026-04-01")).Html);
        Assert.Contains("共2条", (await admin.GetAsync("/admin/finance?to=2026-03-31")).Html);
        Assert.Contains("日期格式不正确", (await admin.GetAsync("/admin/finance?from=not-a-date")).Html);
        var combined = await admin.GetAsync($"/admin/finance?q={Uri.EscapeDataString("财务企业")}&from=2026-03-02&to=2026-03-02");
        Assert.Contains("共1条", combined.Html);
        // Paging keeps the filters.
        Assert.Contains("q=USER03%40example", (await admin.GetAsync("/admin/finance?q=USER03%40example&size=10")).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnotherCustomer_NeverSeesThisCustomersGrants(DatabaseKind db)
    {
        var (app, admin, customer, customerId) = await WithCustomerAsync(db);
        await using var _ = app;
        using var __ = admin;
        using var ___ = customer;
        await AllocateAsync(app, admin, customerId, "777", Today.AddDays(9), "VerificationCode");

        using var other = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, other, "13900139202", "other@example.com", "别家企业");
        var theirs = await other.GetAsync("/console/packages");
        Assert.Equal(HttpStatusCode.OK, theirs.Status);
        Assert.Equal("0", Balance(theirs.Html, SmsCategory.VerificationCode));
        Assert.DoesNotContain("777", theirs.Html);
        Assert.Contains("暂无数据", theirs.Html);
        Assert.Contains("共0条", theirs.Html);
        Assert.Equal("777", Balance((await customer.GetAsync("/console/packages")).Html, SmsCategory.VerificationCode));

        // Nor can a customer reach the admin's view of grants.
        var grantId = await app.WithDbAsync(d => d.PackageGrants.Select(g => g.Id).SingleAsync());
        foreach (var path in new[] { $"/admin/customers/grants?id={customerId}", $"/admin/customers/grant-edit?id={grantId}", "/admin/finance" })
        {
            var response = await other.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.Status);
            Assert.Contains("/admin/login", response.Location);
        }
        await other.PostWithoutTokenAsync($"/admin/customers/grant-edit?id={grantId}", GrantEdit("777", Day(Today), "777", "Active", 0));
        Assert.Equal(0, await app.WithDbAsync(d => d.PackageGrants.Select(g => g.Used).SingleAsync()));
    }
}
