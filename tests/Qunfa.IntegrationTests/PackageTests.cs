using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.IntegrationTests;

/// <summary>短信包管理: product CRUD and its rules, and what the portal and the customer's buy page offer.</summary>
public sealed class PackageTests
{
    internal static async Task<(QunfaApp App, PageClient Admin)> AdminAsync(DatabaseKind db, bool sandbox = false)
    {
        var app = await QunfaApp.StartAsync(db);
        var admin = app.CreatePageClient();
        if (sandbox) await SetupScenario.CompleteWithSandboxAsync(admin);
        else await SetupScenario.CompleteAsync(admin);
        await SetupScenario.LoginAsync(admin);
        return (app, admin);
    }

    private static Dictionary<string, string> Product(
        string name = "中秋特惠", string category = "General", string size = "10000", string price = "380",
        string months = "12", string recommended = "true", string sort = "0") => new()
    {
        ["Input.Name"] = name,
        ["Input.Category"] = category,
        ["Input.Size"] = size,
        ["Input.Price"] = price,
        ["Input.ValidityMonths"] = months,
        ["Input.Recommended"] = recommended,
        ["Input.SortOrder"] = sort,
    };

    private static Task<int> ProductIdAsync(QunfaApp app, string name) =>
        app.WithDbAsync(d => d.PackageProducts.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task PackagePages_Anonymous_RedirectToTheAdminLogin()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);
        await app.WithDbAsync(async d =>
        {
            d.PackageProducts.Add(new PackageProduct { Name = "留着", Size = 100, PriceFen = 100, ValidityMonths = 1 });
            return await d.SaveChangesAsync();
        });
        var id = await ProductIdAsync(app, "留着");

        foreach (var path in new[] { "/admin/packages", "/admin/packages/add", $"/admin/packages/edit?id={id}", $"/admin/packages/delete?id={id}", "/admin/finance" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.Status);
            Assert.Contains("/admin/login", response.Location);
        }
        foreach (var path in new[] { "/console/packages", "/console/packages/buy" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.Status);
            Assert.Contains("/account/login", response.Location);
        }
        // Forged changes without a session or token change nothing.
        await client.PostWithoutTokenAsync($"/admin/packages/delete?id={id}", new Dictionary<string, string>());
        await client.PostWithoutTokenAsync("/admin/packages/add", Product("伪造"));
        Assert.Equal(1, await app.WithDbAsync(d => d.PackageProducts.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Product_AddEditDelete_ShowsInTheList_IsLogged_AndDeleteLeavesOrdersAndGrants(DatabaseKind db)
    {
        var (app, admin) = await AdminAsync(db);
        await using var _ = app;
        using var __ = admin;

        var menu = await admin.GetAsync("/admin/packages");
        Assert.Contains("href=\"/admin/packages\"", menu.Html);
        Assert.Contains("href=\"/admin/finance\"", menu.Html);
        Assert.Contains("暂无数据", menu.Html);

        var form = await admin.GetAsync("/admin/packages/add");
        foreach (var label in new[] { "短信包名称", "短信包类型", "短信包规格", "短信包价格", "短信包单价", "有效期", "是否推荐", "每种类型的短信包至多推荐5款" })
            Assert.Contains(label, form.Html);

        var added = await admin.PostFormAsync("/admin/packages/add", Product());
        Assert.True(added.IsRedirectTo("/admin/packages"), added.Html);
        var stored = await app.WithDbAsync(d => d.PackageProducts.SingleAsync());
        Assert.Equal(("中秋特惠", SmsCategory.General, 10000, 38000L, 12, true, 0),
            (stored.Name, stored.Category, stored.Size, stored.PriceFen, stored.ValidityMonths, stored.Recommended, stored.SortOrder));

        var list = await admin.GetAsync("/admin/packages");
        foreach (var column in new[] { "序号", "短信包名称", "短信包类型", "短信包规格", "购买时长(月)", "单价", "短信包价格", "首页推荐", "推荐排序", "操作" })
            Assert.Contains(column, list.Html);
        foreach (var cell in new[] { "<td>中秋特惠</td>", "<td>通用类</td>", "<td>10000</td>", "<td>12</td>", "0.0380</td>", "380.00</td>", "<td>是</td>", "<td>0</td>" })
            Assert.Contains(cell, list.Html);
        Assert.Contains("共1条", list.Html);
        Assert.Contains($"/admin/packages/edit?id={stored.Id}", list.Html);
        Assert.Contains($"/admin/packages/delete?id={stored.Id}", list.Html);

        var editForm = await admin.GetAsync($"/admin/packages/edit?id={stored.Id}");
        Assert.Contains("value=\"380.00\"", editForm.Html);
        Assert.Contains("0.0380", editForm.Html);
        var edited = await admin.PostFormAsync($"/admin/packages/edit?id={stored.Id}",
            Product("国庆特惠", "Notification", "3", "1.01", "120", "false", "-2"));
        Assert.True(edited.IsRedirectTo("/admin/packages"), edited.Html);
        stored = await app.WithDbAsync(d => d.PackageProducts.SingleAsync());
        Assert.Equal(("国庆特惠", SmsCategory.Notification, 3, 101L, 120, false, -2),
            (stored.Name, stored.Category, stored.Size, stored.PriceFen, stored.ValidityMonths, stored.Recommended, stored.SortOrder));
        list = await admin.GetAsync("/admin/packages");
        Assert.Contains("0.33666667</td>", list.Html);
        Assert.Contains("1.01</td>", list.Html);
        Assert.Contains("<td>否</td>", list.Html);

        // An order and a grant that came from the product outlive it.
        var customerId = (await AdminCustomerTests.SeedCustomersAsync(app, 1))[0];
        await app.WithDbAsync(async d =>
        {
            var order = new Order
            {
                OrderNumber = "1909351098110001", CustomerId = customerId, ProductId = stored.Id, ProductName = stored.Name,
                Category = stored.Category, Size = stored.Size, ValidityMonths = stored.ValidityMonths,
                GoodsAmountFen = stored.PriceFen, AmountFen = stored.PriceFen, Status = OrderStatus.Paid, CreatedAt = DateTimeOffset.UtcNow,
            };
            d.Orders.Add(order);
            await d.SaveChangesAsync();
            d.PackageGrants.Add(new PackageGrant
            {
                CustomerId = customerId, Category = stored.Category, Size = stored.Size, ExpiresOn = new DateOnly(2099, 1, 1),
                Status = GrantStatus.Active, Source = GrantSource.Purchased, OrderId = order.Id, CreatedAt = DateTimeOffset.UtcNow,
            });
            return await d.SaveChangesAsync();
        });

        var confirm = await admin.GetAsync($"/admin/packages/delete?id={stored.Id}");
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("国庆特惠", confirm.Html);
        Assert.Contains("确认删除", confirm.Html);
        Assert.Equal(1, await app.WithDbAsync(d => d.PackageProducts.CountAsync())); // a GET alone deletes nothing

        var deleted = await admin.PostFormAsync($"/admin/packages/delete?id={stored.Id}", new Dictionary<string, string>());
        Assert.True(deleted.IsRedirectTo("/admin/packages"), deleted.Html);
        Assert.Equal(0, await app.WithDbAsync(d => d.PackageProducts.CountAsync()));
        var kept = await app.WithDbAsync(d => d.Orders.SingleAsync());
        Assert.Null(kept.ProductId);
        Assert.Equal(("国庆特惠", 3, 101L), (kept.ProductName, kept.Size, kept.AmountFen));
        var grant = await app.WithDbAsync(d => d.PackageGrants.SingleAsync());
        Assert.Equal((3, GrantStatus.Active, kept.Id), (grant.Size, grant.Status, grant.OrderId));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/packages/edit?id={stored.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/packages/delete?id={stored.Id}")).Status);

        foreach (var action in new[] { AdminAction.AddProduct, AdminAction.EditProduct, AdminAction.DeleteProduct })
            Assert.Equal(1, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == action && e.Succeeded)));
        var log = (await admin.GetAsync("/admin/log")).Html;
        Assert.Contains("添加短信包", log);
        Assert.Contains("修改短信包", log);
        Assert.Contains("删除短信包", log);
    }

    public static TheoryData<DatabaseKind, string, string, string> BadInputs()
    {
        var cases = new (string Field, string Value, string Message)[]
        {
            ("Input.Name", "", "请填写短信包名称"),
            ("Input.Name", "   ", "请填写短信包名称"),
            ("Input.Name", new string('包', 51), "短信包名称不能超过50个字符"),
            ("Input.Category", "", "请选择短信包类型"),
            ("Input.Size", "", "请填写短信包规格"),
            ("Input.Size", "0", "短信包规格应为1到100000000之间的整数"),
            ("Input.Size", "1.5", "短信包规格应为1到100000000之间的整数"),
            ("Input.Size", "100000001", "短信包规格应为1到100000000之间的整数"),
            ("Input.Size", "abc", "短信包规格应为1到100000000之间的整数"),
            ("Input.Price", "", "请填写短信包价格"),
            ("Input.Price", "abc", "短信包价格应为数字，最多两位小数"),
            ("Input.Price", "1.234", "短信包价格应为数字，最多两位小数"),
            ("Input.Price", "1e3", "短信包价格应为数字，最多两位小数"),
            ("Input.Price", "0", "短信包价格不能低于0.01元"),
            ("Input.Price", "0.00", "短信包价格不能低于0.01元"),
            ("Input.Price", "-5", "短信包价格不能低于0.01元"),
            ("Input.Price", "100000000", "短信包价格不能超过99999999.99元"),
            ("Input.ValidityMonths", "", "请填写有效期"),
            ("Input.ValidityMonths", "0", "有效期应为1到120之间的整数（月）"),
            ("Input.ValidityMonths", "121", "有效期应为1到120之间的整数（月）"),
            ("Input.ValidityMonths", "6.5", "有效期应为1到120之间的整数（月）"),
            ("Input.SortOrder", "first", "推荐排序应为-1000000到1000000之间的整数"),
            ("Input.SortOrder", "1.5", "推荐排序应为-1000000到1000000之间的整数"),
        };
        var data = new TheoryData<DatabaseKind, string, string, string>();
        foreach (var db in new[] { DatabaseKind.Sqlite, DatabaseKind.Postgres })
            data.Add(db, string.Join("\n", cases.Select(c => c.Field)), string.Join("\n", cases.Select(c => c.Value)), string.Join("\n", cases.Select(c => c.Message)));
        return data;
    }

    [Theory, MemberData(nameof(BadInputs))]
    public async Task Product_BadInput_GetsItsMessage_AndNothingIsSaved(DatabaseKind db, string fields, string values, string messages)
    {
        var (app, admin) = await AdminAsync(db);
        await using var _ = app;
        using var __ = admin;
        var cases = fields.Split('\n').Zip(values.Split('\n'), messages.Split('\n')).ToList();

        foreach (var (field, value, message) in cases)
        {
            var input = Product();
            input[field] = value;
            var refused = await admin.PostFormAsync("/admin/packages/add", input);
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.True(refused.Html.Contains($">{message}</span>", StringComparison.Ordinal), $"{field}={value}: expected {message}");
        }
        // Everything empty: every required field says so at once.
        var empty = await admin.PostFormAsync("/admin/packages/add", Product("", "", "", "", "", "false", ""));
        foreach (var message in new[] { "请填写短信包名称", "请选择短信包类型", "请填写短信包规格", "请填写短信包价格", "请填写有效期" })
            AssertFieldError(empty.Html, message);
        // An unknown category cannot be read at all.
        Assert.Contains("输入的值无效", (await admin.PostFormAsync("/admin/packages/add", Product(category: "Bulk"))).Html);

        Assert.Equal(0, await app.WithDbAsync(d => d.PackageProducts.CountAsync()));
        Assert.Equal(cases.Count + 2, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.AddProduct && !e.Succeeded)));

        // The same rules guard 修改, and a refused edit leaves the product as it was.
        Assert.True((await admin.PostFormAsync("/admin/packages/add", Product())).IsRedirectTo("/admin/packages"));
        var id = await ProductIdAsync(app, "中秋特惠");
        var badEdit = await admin.PostFormAsync($"/admin/packages/edit?id={id}", Product(name: "改名", price: "0.001"));
        AssertFieldError(badEdit.Html, "短信包价格应为数字，最多两位小数");
        var product = await app.WithDbAsync(d => d.PackageProducts.SingleAsync());
        Assert.Equal(("中秋特惠", 38000L), (product.Name, product.PriceFen));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Recommend_TheSixthOfACategory_IsRefused(DatabaseKind db)
    {
        var (app, admin) = await AdminAsync(db);
        await using var _ = app;
        using var __ = admin;

        for (var n = 1; n <= 5; n++)
            Assert.True((await admin.PostFormAsync("/admin/packages/add", Product($"通用{n}", sort: n.ToString()))).IsRedirectTo("/admin/packages"));

        var sixth = await admin.PostFormAsync("/admin/packages/add", Product("通用6"));
        Assert.Equal(HttpStatusCode.OK, sixth.Status);
        AssertFieldError(sixth.Html, "每种类型的短信包至多推荐5款");
        Assert.Equal(5, await app.WithDbAsync(d => d.PackageProducts.CountAsync()));

        // Not recommended, or in another category: fine.
        Assert.True((await admin.PostFormAsync("/admin/packages/add", Product("通用6", recommended: "false"))).IsRedirectTo("/admin/packages"));
        Assert.True((await admin.PostFormAsync("/admin/packages/add", Product("推广1", category: "Promotion"))).IsRedirectTo("/admin/packages"));

        // 修改 cannot make a sixth either, but a recommended one may be edited and stay recommended.
        var sixthId = await ProductIdAsync(app, "通用6");
        AssertFieldError((await admin.PostFormAsync($"/admin/packages/edit?id={sixthId}", Product("通用6"))).Html, "每种类型的短信包至多推荐5款");
        Assert.False(await app.WithDbAsync(d => d.PackageProducts.Where(p => p.Id == sixthId).Select(p => p.Recommended).SingleAsync()));
        var firstId = await ProductIdAsync(app, "通用1");
        Assert.True((await admin.PostFormAsync($"/admin/packages/edit?id={firstId}", Product("通用1改", sort: "9"))).IsRedirectTo("/admin/packages"));
        // Moving a recommended one to a full category is refused too.
        Assert.True((await admin.PostFormAsync("/admin/packages/add", Product("推广2", category: "Promotion"))).IsRedirectTo("/admin/packages"));
        var promotionId = await ProductIdAsync(app, "推广1");
        AssertFieldError((await admin.PostFormAsync($"/admin/packages/edit?id={promotionId}", Product("推广1", category: "General"))).Html, "每种类型的短信包至多推荐5款");

        Assert.Equal(5, await app.WithDbAsync(d => d.PackageProducts.CountAsync(p => p.Recommended && p.Category == SmsCategory.General)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PortalAndBuyPage_ShowRecommendedProducts_ByCategoryInSortOrder(DatabaseKind db)
    {
        var (app, admin) = await AdminAsync(db, sandbox: true);
        await using var _ = app;
        using var __ = admin;

        // Added out of order; 推荐排序 decides.
        foreach (var (name, category, sort, recommended) in new[]
                 {
                     ("通用乙", "General", "2", "true"), ("验证甲", "VerificationCode", "1", "true"), ("通用甲", "General", "1", "true"),
                     ("通用丙", "General", "3", "true"), ("通知甲", "Notification", "0", "true"), ("不推荐的", "General", "0", "false"),
                 })
            Assert.True((await admin.PostFormAsync("/admin/packages/add", Product(name, category, price: "99.9", sort: sort, recommended: recommended))).IsRedirectTo("/admin/packages"));

        using var visitor = app.CreatePageClient();
        var portal = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, portal.Status);
        Assert.Contains("免费注册", portal.Html); // the hero stays
        Assert.Contains("验证码短信", portal.Html); // and so do the features
        Assert.DoesNotContain("不推荐的", portal.Html);
        AssertInOrder(portal.Html, "通用类", "通用甲", "通用乙", "通用丙", "通知类", "通知甲", "验证甲");
        Assert.Contains("99.90", portal.Html);
        Assert.Contains("0.00999", portal.Html); // 99.90 / 10000 条

        using var customer = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, customer, "13900139101", "buyer@example.com", "买家企业");
        var console = await customer.GetAsync("/console");
        Assert.Contains("href=\"/console/packages\"", console.Html);
        Assert.Contains("href=\"/console/packages/buy\"", console.Html);

        var buy = await customer.GetAsync("/console/packages/buy");
        Assert.Equal(HttpStatusCode.OK, buy.Status);
        AssertInOrder(buy.Html, "通知甲", "通用甲", "验证甲", "通用乙", "通用丙");
        Assert.DoesNotContain("不推荐的", buy.Html);
        var id = await ProductIdAsync(app, "通用甲");
        Assert.Contains("action=\"/console/orders/create\"", buy.Html);
        Assert.Contains($"name=\"ProductId\" value=\"{id}\"", buy.Html);
        var form = buy.Html[buy.Html.IndexOf("action=\"/console/orders/create\"", StringComparison.Ordinal)..];
        Assert.Contains("__RequestVerificationToken", form[..form.IndexOf("</form>", StringComparison.Ordinal)]);

        // Not shown means not for sale: a hand-made order for it is refused and nothing is created.
        var hidden = await ProductIdAsync(app, "不推荐的");
        var refused = await customer.PostFormAsync("/console/orders/create",
            new Dictionary<string, string> { ["ProductId"] = hidden.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPath: "/console/orders");
        Assert.Contains("短信包不存在或已下架", refused.Html);
        Assert.False(await app.WithDbAsync(d => d.Orders.AnyAsync()));
    }

    /// <summary>The message shown beside a field (not just in a hint).</summary>
    internal static void AssertFieldError(string html, string message) =>
        Assert.True(html.Contains($">{message}</span>", StringComparison.Ordinal), $"No field message '{message}'");

    internal static void AssertInOrder(string html, params string[] texts)
    {
        var at = 0;
        foreach (var text in texts)
        {
            var next = html.IndexOf(text, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{text}' missing after position {at}");
            at = next + text.Length;
        }
    }
}
