using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Customers;

namespace Qunfa.IntegrationTests;

/// <summary>用户管理: list, search, paging, 编辑 with limits, 冻结账号 / 恢复账号, and the admin log of each change.</summary>
public sealed class AdminCustomerTests
{
    private static async Task<(QunfaApp App, PageClient Admin)> AdminAsync(DatabaseKind db, bool sandbox = false)
    {
        var app = await QunfaApp.StartAsync(db);
        var admin = app.CreatePageClient();
        if (sandbox) await SetupScenario.CompleteWithSandboxAsync(admin);
        else await SetupScenario.CompleteAsync(admin);
        await SetupScenario.LoginAsync(admin);
        return (app, admin);
    }

    /// <summary>Customers numbered 1..count, customer n created n hours after a fixed start (so 12 is the newest).</summary>
    internal static Task<List<int>> SeedCustomersAsync(QunfaApp app, int count, string prefix = "企业") => app.WithDbAsync(async d =>
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var customers = Enumerable.Range(1, count).Select(n => new Customer
        {
            CompanyName = $"{prefix}{n:00}",
            Email = $"user{n:00}@example.com",
            ContactName = $"联系人{n:00}",
            Phone = $"1370000{n:0000}",
            PasswordHash = "not-a-hash",
            CreatedAt = start.AddHours(n),
            SignatureLimit = 5,
            TemplateLimit = 5,
        }).ToList();
        d.Customers.AddRange(customers);
        await d.SaveChangesAsync();
        return customers.Select(c => c.Id).ToList();
    });

    private static Dictionary<string, string> EditFields(string company, string email, string phone, string signLimit = "5", string templateLimit = "5") => new()
    {
        ["Input.CompanyName"] = company,
        ["Input.Email"] = email,
        ["Input.ContactName"] = "王五",
        ["Input.Phone"] = phone,
        ["Input.SignatureLimit"] = signLimit,
        ["Input.TemplateLimit"] = templateLimit,
    };

    [Fact]
    public async Task CustomerPages_Anonymous_RedirectToTheAdminLogin()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);
        var id = (await SeedCustomersAsync(app, 1))[0];

        foreach (var path in new[]
                 {
                     "/admin/customers", $"/admin/customers/edit?id={id}", $"/admin/customers/freeze?id={id}",
                     $"/admin/customers/signatures?id={id}", $"/admin/customers/templates?id={id}",
                     "/admin/signatures", "/admin/signatures/assign", "/admin/signatures/view?id=1", "/admin/signatures/delete?id=1",
                     "/admin/templates", "/admin/templates/assign", "/admin/templates/view?id=1", "/admin/templates/delete?id=1",
                 })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.Status);
            Assert.Contains("/admin/login", response.Location);
        }
        // A forged change without a session or token changes nothing.
        await client.PostWithoutTokenAsync($"/admin/customers/freeze?id={id}&handler=Freeze", new Dictionary<string, string>());
        Assert.False(await app.WithDbAsync(d => d.Customers.AnyAsync(c => c.IsFrozen)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task List_PagesTenAtATime_NewestFirst_AndSearchesEveryColumn(DatabaseKind db)
    {
        var (app, admin) = await AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        await SeedCustomersAsync(app, 12);

        var first = await admin.GetAsync("/admin/customers");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("共12条", first.Html);
        foreach (var column in new[] { "序号", "企业名称", "邮箱", "联系人", "手机号", "创建时间", "操作" })
            Assert.Contains($"{column}", first.Html);
        Assert.Contains("企业12", first.Html);
        Assert.Contains("企业03", first.Html);
        Assert.DoesNotContain("企业02", first.Html);
        Assert.True(first.Html.IndexOf("企业12", StringComparison.Ordinal) < first.Html.IndexOf("企业11", StringComparison.Ordinal));
        Assert.Contains("/admin/customers/edit?id=", first.Html);
        Assert.Contains("查看签名", first.Html);
        Assert.Contains("查看模板", first.Html);
        Assert.Contains("冻结账号", first.Html);
        Assert.Contains("/admin/customers/allocate?id=", first.Html);
        Assert.Contains("/admin/customers/grants?id=", first.Html);

        var second = await admin.GetAsync("/admin/customers?p=2");
        Assert.Contains("企业02", second.Html);
        Assert.Contains("企业01", second.Html);
        Assert.DoesNotContain("企业03", second.Html);

        var all = await admin.GetAsync("/admin/customers?size=20");
        Assert.Contains("企业01", all.Html);
        Assert.Contains("企业12", all.Html);

        var oldest = await admin.GetAsync("/admin/customers?sort=asc");
        Assert.Contains("企业01", oldest.Html);
        Assert.DoesNotContain("企业11", oldest.Html);

        foreach (var (query, expected) in new[] { ("企业07", "企业07"), ("USER08@example", "企业08"), ("联系人09", "企业09"), ("13700000010", "企业10") })
        {
            var found = await admin.GetAsync($"/admin/customers?q={Uri.EscapeDataString(query)}");
            Assert.Contains("共1条", found.Html);
            Assert.Contains(expected, found.Html);
        }
        Assert.Contains("共0条", (await admin.GetAsync("/admin/customers?q=nobody")).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Edit_SavesDetailsAndLimits_AndIsLogged(DatabaseKind db)
    {
        var (app, admin) = await AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        var id = (await SeedCustomersAsync(app, 1))[0];

        var form = await admin.GetAsync($"/admin/customers/edit?id={id}");
        Assert.Contains("企业01", form.Html);
        Assert.Contains("签名数量上限", form.Html);
        Assert.Contains("模板数量上限", form.Html);
        Assert.Contains("2026-01-01 09:00:00", form.Html); // 创建时间 in Asia/Shanghai, read-only

        var saved = await admin.PostFormAsync($"/admin/customers/edit?id={id}", EditFields("新企业名称", "New@Example.com", "13911112222", "20", "1000"));
        Assert.True(saved.IsRedirectTo("/admin/customers"));

        var customer = await app.WithDbAsync(d => d.Customers.SingleAsync(c => c.Id == id));
        Assert.Equal("新企业名称", customer.CompanyName);
        Assert.Equal("new@example.com", customer.Email);
        Assert.Equal("王五", customer.ContactName);
        Assert.Equal("13911112222", customer.Phone);
        Assert.Equal(20, customer.SignatureLimit);
        Assert.Equal(1000, customer.TemplateLimit);
        Assert.True(await app.WithDbAsync(d => d.AdminLog.AnyAsync(e => e.Action == AdminAction.EditCustomer && e.Succeeded)));
        Assert.Contains("编辑用户信息", (await admin.GetAsync("/admin/log")).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Edit_TakenEmailOrPhone_OrLimitOutOfRange_IsRefused_AndNothingChanges(DatabaseKind db)
    {
        var (app, admin) = await AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        var ids = await SeedCustomersAsync(app, 2);

        var email = await admin.PostFormAsync($"/admin/customers/edit?id={ids[0]}", EditFields("改了名字", "USER02@example.com", "13700000001"));
        Assert.Equal(HttpStatusCode.OK, email.Status);
        Assert.Contains("该邮箱已被其他用户使用", email.Html);

        var phone = await admin.PostFormAsync($"/admin/customers/edit?id={ids[0]}", EditFields("改了名字", "user01@example.com", "13700000002"));
        Assert.Contains("该手机号已被其他用户使用", phone.Html);

        var limits = await admin.PostFormAsync($"/admin/customers/edit?id={ids[0]}", EditFields("改了名字", "user01@example.com", "13700000001", "1001", "-1"));
        Assert.Contains("签名数量上限应为0到1000之间的整数", limits.Html);
        Assert.Contains("模板数量上限应为0到1000之间的整数", limits.Html);

        var unreadable = await admin.PostFormAsync($"/admin/customers/edit?id={ids[0]}", EditFields("改了名字", "user01@example.com", "13700000001", "abc"));
        Assert.Equal(HttpStatusCode.OK, unreadable.Status);
        Assert.Contains("输入的值无效", unreadable.Html);

        var customer = await app.WithDbAsync(d => d.Customers.SingleAsync(c => c.Id == ids[0]));
        Assert.Equal("企业01", customer.CompanyName);
        Assert.Equal("user01@example.com", customer.Email);
        Assert.Equal("13700000001", customer.Phone);
        Assert.Equal(5, customer.SignatureLimit);
        Assert.Equal(4, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.EditCustomer && !e.Succeeded)));
        Assert.False(await app.WithDbAsync(d => d.AdminLog.AnyAsync(e => e.Action == AdminAction.EditCustomer && e.Succeeded)));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/customers/edit?id=999999")).Status);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Freeze_ShowsTheCustomerTheNotice_AndUnfreezeLiftsIt(DatabaseKind db)
    {
        var (app, admin) = await AdminAsync(db, sandbox: true);
        await using var _ = app;
        using var __ = admin;
        using var customer = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, customer, "13900139001", "frozen@example.com", "冻结测试企业");
        var id = await app.WithDbAsync(d => d.Customers.Where(c => c.Phone == "13900139001").Select(c => c.Id).SingleAsync());
        Assert.DoesNotContain("您的账号已被冻结", (await customer.GetAsync("/console")).Html);

        var confirm = await admin.GetAsync($"/admin/customers/freeze?id={id}");
        Assert.Contains("冻结测试企业", confirm.Html);
        Assert.Contains("不能发送短信", confirm.Html);
        Assert.Contains($"formaction=\"/admin/customers/freeze?id={id}&handler=Freeze\"", confirm.Html, StringComparison.OrdinalIgnoreCase);
        // A GET alone changes nothing: the change needs the confirmation's POST.
        Assert.False(await app.WithDbAsync(d => d.Customers.AnyAsync(c => c.IsFrozen)));

        var frozen = await admin.PostFormAsync($"/admin/customers/freeze?id={id}&handler=Freeze", new Dictionary<string, string>(), formPath: $"/admin/customers/freeze?id={id}");
        Assert.True(frozen.IsRedirectTo("/admin/customers"));
        var stored = await app.WithDbAsync(d => d.Customers.SingleAsync(c => c.Id == id));
        Assert.True(stored.IsFrozen);
        Assert.NotNull(stored.FrozenAt);
        // The freeze ended the customer's session (issue 15); logging in again shows why it cannot send.
        Assert.Contains("/account/login", (await customer.GetAsync("/console")).Location);
        var login = new Dictionary<string, string> { ["Account"] = "13900139001", ["Password"] = CustomerScenario.Password };
        Assert.True((await customer.PostFormAsync("/account/login", login)).IsRedirectTo("/console"));
        Assert.Contains("您的账号已被冻结", (await customer.GetAsync("/console")).Html);
        var list = await admin.GetAsync("/admin/customers");
        Assert.Contains("已冻结", list.Html);
        Assert.Contains("恢复账号", list.Html);

        var unfrozen = await admin.PostFormAsync($"/admin/customers/freeze?id={id}&handler=Unfreeze", new Dictionary<string, string>(), formPath: $"/admin/customers/freeze?id={id}");
        Assert.True(unfrozen.IsRedirectTo("/admin/customers"));
        stored = await app.WithDbAsync(d => d.Customers.SingleAsync(c => c.Id == id));
        Assert.False(stored.IsFrozen);
        Assert.Null(stored.FrozenAt);
        Assert.DoesNotContain("您的账号已被冻结", (await customer.GetAsync("/console")).Html);

        Assert.True(await app.WithDbAsync(d => d.AdminLog.AnyAsync(e => e.Action == AdminAction.FreezeCustomer && e.Succeeded)));
        Assert.True(await app.WithDbAsync(d => d.AdminLog.AnyAsync(e => e.Action == AdminAction.UnfreezeCustomer && e.Succeeded)));
        var log = (await admin.GetAsync("/admin/log")).Html;
        Assert.Contains("冻结账号", log);
        Assert.Contains("恢复账号", log);
    }
}
