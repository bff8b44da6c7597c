using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Workers;

namespace Qunfa.IntegrationTests;

/// <summary>Orders: buying, 我的订单, another customer's orders, 改价, 导出, 删除订单 and voiding of stale unpaid orders.</summary>
public sealed class OrderTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_CopiesTheProductTerms_IntoAnUnpaidOrder_WithAnUnguessableNumber(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var product = await s.ProductAsync(priceFen: 38000, category: SmsCategory.Promotion, size: 5000, months: 6);

        var first = await s.BuyAsync(product);
        var second = await s.BuyAsync(product);

        var order = await s.OrderAsync(first);
        Assert.Equal(16, first.Length);
        Assert.NotEqual(first, second);
        Assert.NotEqual(first[6..], second[6..]);
        Assert.Equal(OrderStatus.Unpaid, order.Status);
        Assert.Equal((38000L, 38000L), (order.GoodsAmountFen, order.AmountFen));
        Assert.Equal((SmsCategory.Promotion, 5000, 6), (order.Category, order.Size, order.ValidityMonths));
        Assert.Equal(PaymentProtocol.Md5, order.Protocol);

        // The wizard's sandbox choice filled 支付配置 with the demo merchant at the built-in sandbox.
        var payment = await s.App.WithDbAsync(d => d.PaymentSettings.AsNoTracking().SingleAsync());
        Assert.Equal((Qunfa.Web.Domain.Settings.CarrierKind.Sandbox, PaymentScenario.Partner), (payment.Gateway, payment.PartnerId));
        Assert.DoesNotContain(PaymentScenario.Md5Key, payment.ProtectedMd5Key);

        // The product changing later does not change what was bought.
        await s.App.WithDbAsync(d => d.PackageProducts.Where(p => p.Id == product).ExecuteUpdateAsync(u => u.SetProperty(p => p.PriceFen, 1)));
        Assert.Equal(38000, (await s.OrderAsync(first)).AmountFen);

        Assert.True((await s.Customer.GetAsync("/console/orders/create")).IsRedirectTo("/console/packages/buy"));
        var list = (await s.Customer.GetAsync("/console/orders")).Html;
        Assert.Contains(first, list);
        Assert.Contains("未支付", list);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Create_WithoutAntiforgeryToken_OrUnknownProduct_CreatesNothing(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var product = await s.ProductAsync();

        var forged = await s.Customer.PostWithoutTokenAsync("/console/orders/create", new Dictionary<string, string> { ["ProductId"] = product.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.NotEqual(HttpStatusCode.Redirect, forged.Status);
        var unknown = await s.Customer.PostFormAsync("/console/orders/create", new Dictionary<string, string> { ["ProductId"] = "999999" }, formPath: "/console/orders");
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains("短信包不存在或已下架", unknown.Html);
        Assert.Equal(0, await s.App.WithDbAsync(d => d.Orders.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnotherCustomer_CannotSeePayOrCancel_ThisCustomersOrder(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var number = await s.BuyAsync(await s.ProductAsync());
        using var other = await s.OtherCustomerAsync("13700137301", "other@example.com");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/console/orders/detail?no=" + number)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/console/orders/pay?no=" + number)).Status);
        var cancel = await other.PostFormAsync("/console/orders?handler=Cancel", new Dictionary<string, string> { ["no"] = number }, formPath: "/console/orders");
        Assert.Equal(HttpStatusCode.NotFound, cancel.Status);
        Assert.DoesNotContain(number, (await other.GetAsync("/console/orders")).Html);
        Assert.Equal(OrderStatus.Unpaid, (await s.OrderAsync(number)).Status);

        // The owner can: 去支付 leads to the gateway, 取消订单 voids it.
        var pay = await s.Customer.GetAsync("/console/orders/pay?no=" + number);
        Assert.Equal(HttpStatusCode.Redirect, pay.Status);
        Assert.Contains("gateway.do", pay.Location);
        Assert.True((await s.Customer.PostFormAsync("/console/orders?handler=Cancel", new Dictionary<string, string> { ["no"] = number }, formPath: "/console/orders")).IsRedirectTo("/console/orders"));
        Assert.Equal(OrderStatus.Void, (await s.OrderAsync(number)).Status);
        Assert.Equal(HttpStatusCode.OK, (await s.Customer.GetAsync("/console/orders/pay?no=" + number)).Status); // 订单已作废
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ChangePrice_OnlyOnUnpaidOrders_AboveZero_TwoDecimals_Logged(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var product = await s.ProductAsync(priceFen: 38000);
        var unpaid = await s.OrderAsync(await s.BuyAsync(product));
        var paid = await s.OrderAsync(await s.BuyAsync(product));
        var notifyId = (await s.SandboxAsync()).IssueNotifyId(PaymentScenario.Partner);
        Assert.Equal("success", await s.NotifyAsync("md5", PaymentScenario.Md5Notification(paid.OrderNumber, "2026112822001400000000000001", 38000, notifyId)));

        foreach (var bad in new[] { "0", "0.00", "-1", "1.234", "abc", "" })
        {
            var refused = await s.Admin.PostFormAsync($"/admin/orders/price?id={unpaid.Id}", new Dictionary<string, string> { ["Price"] = bad });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Equal(38000, (await s.OrderAsync(unpaid.OrderNumber)).AmountFen);
        }

        Assert.True((await s.Admin.PostFormAsync($"/admin/orders/price?id={unpaid.Id}", new Dictionary<string, string> { ["Price"] = "0.01" })).IsRedirectTo("/admin/orders"));
        var changed = await s.OrderAsync(unpaid.OrderNumber);
        Assert.Equal((38000L, 1L), (changed.GoodsAmountFen, changed.AmountFen));

        var onPaid = await s.Admin.PostFormAsync($"/admin/orders/price?id={paid.Id}", new Dictionary<string, string> { ["Price"] = "1.00" }, formPath: $"/admin/orders/price?id={unpaid.Id}");
        Assert.Equal(HttpStatusCode.OK, onPaid.Status);
        Assert.Contains("只有未支付的订单可以改价", onPaid.Html);
        Assert.Equal(38000, (await s.OrderAsync(paid.OrderNumber)).AmountFen);

        var log = await s.App.WithDbAsync(d => d.AdminLog.Where(e => e.Action == AdminAction.ChangeOrderPrice).ToListAsync());
        Assert.Contains(log, e => e.Succeeded && e.Detail!.Contains(unpaid.OrderNumber) && e.Detail.Contains("0.01"));
        Assert.Contains(log, e => !e.Succeeded);

        // A notification for the old amount no longer pays it; the new amount does.
        var id = (await s.SandboxAsync()).IssueNotifyId(PaymentScenario.Partner);
        Assert.Equal("fail", await s.NotifyAsync("md5", PaymentScenario.Md5Notification(unpaid.OrderNumber, "2026112822001400000000000002", 38000, id)));
        Assert.Equal("success", await s.NotifyAsync("md5", PaymentScenario.Md5Notification(unpaid.OrderNumber, "2026112822001400000000000002", 1, id)));
        Assert.Equal(2, (await s.GrantsAsync()).Count);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AdminList_FiltersByNumberStatusAndDays_AndExportsTheSameRows_WithNeutralisedCells(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var product = await s.ProductAsync(priceFen: 38000);
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++) numbers.Add(await s.BuyAsync(product));
        await s.App.WithDbAsync(d => d.Customers.ExecuteUpdateAsync(u => u
            .SetProperty(c => c.CompanyName, "=HYPERLINK(\"http://evil\")")
            .SetProperty(c => c.ContactName, "@SUM(1)")));
        var old = numbers[0];
        await s.App.WithDbAsync(d => d.Orders.Where(o => o.OrderNumber == old).ExecuteUpdateAsync(u => u.SetProperty(o => o.CreatedAt, DateTimeOffset.UtcNow.AddDays(-10))));

        var page = (await s.Admin.GetAsync("/admin/orders")).Html;
        foreach (var n in numbers) Assert.Contains(n, page);
        foreach (var column in new[] { "订单编号", "企业名称", "邮箱", "联系人", "手机号", "短信包类型", "短信包规格", "购买时长(月)", "创建时间", "支付时间", "状态", "商品金额", "订单金额", "支付宝流水号", "操作" })
            Assert.Contains(column, page);
        var byNumber = (await s.Admin.GetAsync("/admin/orders?q=" + numbers[1])).Html;
        Assert.Contains(numbers[1], byNumber);
        Assert.DoesNotContain(numbers[2], byNumber);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recent = (await s.Admin.GetAsync($"/admin/orders?from={today}&to={today}")).Html;
        Assert.DoesNotContain(old, recent);
        Assert.Contains(numbers[2], recent);
        Assert.DoesNotContain(numbers[0], (await s.Admin.GetAsync("/admin/orders?status=Paid")).Html);

        using var response = await s.Admin.Http.GetAsync($"/admin/orders?handler=Export&status=Unpaid&from={today}&to={today}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? "";
        Assert.Contains("未支付", fileName);
        Assert.Contains(today, fileName);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(new[] { numbers[2], numbers[1] }, rows.Select(r => r["订单编号"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("'=HYPERLINK(\"http://evil\")", r["企业名称"]));
        Assert.All(rows, r => Assert.Equal("'@SUM(1)", r["联系人"]));
        Assert.All(rows, r => Assert.Equal("未支付", r["状态"]));
        Assert.All(rows, r => Assert.Equal(380m, Convert.ToDecimal(r["订单金额"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(await s.App.WithDbAsync(d => d.AdminLog.AnyAsync(e => e.Action == AdminAction.ExportOrders && e.Succeeded)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Purge_DeletesUnpaidAndVoidOrdersOlderThan30Days_AfterConfirmation(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var product = await s.ProductAsync(priceFen: 100);
        var oldUnpaid = await s.BuyAsync(product);
        var oldVoid = await s.BuyAsync(product);
        var oldPaid = await s.BuyAsync(product);
        var recent = await s.BuyAsync(product);
        var id = (await s.SandboxAsync()).IssueNotifyId(PaymentScenario.Partner);
        Assert.Equal("success", await s.NotifyAsync("md5", PaymentScenario.Md5Notification(oldPaid, "2026112822001400000000000003", 100, id)));
        await s.App.WithDbAsync(d => d.Orders.Where(o => o.OrderNumber == oldVoid).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OrderStatus.Void)));
        var longAgo = DateTimeOffset.UtcNow.AddDays(-31);
        await s.App.WithDbAsync(d => d.Orders.Where(o => o.OrderNumber != recent).ExecuteUpdateAsync(u => u.SetProperty(o => o.CreatedAt, longAgo)));

        var confirm = await s.Admin.GetAsync("/admin/orders/purge");
        Assert.Contains("符合条件的订单共2条", confirm.Html);
        Assert.Equal(4, await s.App.WithDbAsync(d => d.Orders.CountAsync()));

        var done = await s.Admin.PostFormAsync("/admin/orders/purge", new Dictionary<string, string>());
        Assert.True(done.IsRedirectTo("/admin/orders"));
        Assert.Contains("已删除2条订单", (await s.Admin.GetAsync("/admin/orders")).Html);

        var left = await s.App.WithDbAsync(d => d.Orders.Select(o => o.OrderNumber).ToListAsync());
        Assert.Equal(new[] { oldPaid, recent }.Order(), left.Order());
        Assert.Single(await s.GrantsAsync());
        Assert.True(await s.App.WithDbAsync(d => d.AdminLog.AnyAsync(e => e.Action == AdminAction.PurgeOrders && e.Succeeded && e.Detail == "删除2条订单")));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Worker_VoidsStaleUnpaidOrders_ButPaysThosePaidAtAlipay(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var product = await s.ProductAsync(priceFen: 2000);
        var neverPaid = await s.BuyAsync(product);
        var paidWithoutNotice = await s.BuyAsync(product);
        var fresh = await s.BuyAsync(product);

        // The buyer pays at the sandbox cashier; the notification cannot reach this in-memory host.
        var pay = await s.Customer.GetAsync("/console/orders/pay?no=" + paidWithoutNotice);
        using var buyer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var gateway = new Uri(pay.Location!);
        var cashier = await buyer.GetStringAsync(gateway, TestContext.Current.CancellationToken);
        var action = System.Text.RegularExpressions.Regex.Match(cashier, "action=\"(cashier/[^\"]+/pay)\"").Groups[1].Value;
        using (await buyer.PostAsync(new Uri(gateway, action), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken)) { }
        Assert.Equal(OrderStatus.Unpaid, (await s.OrderAsync(paidWithoutNotice)).Status);

        var stale = DateTimeOffset.UtcNow.AddHours(-25);
        await s.App.WithDbAsync(d => d.Orders.Where(o => o.OrderNumber != fresh)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.CreatedAt, stale).SetProperty(o => o.NextPaymentCheckAt, stale.AddHours(24))));

        var (voided, paid) = await s.App.Services.GetRequiredService<OrderVoidingWorker>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal((1, 1), (voided, paid));
        Assert.Equal(OrderStatus.Void, (await s.OrderAsync(neverPaid)).Status);
        Assert.Equal(OrderStatus.Paid, (await s.OrderAsync(paidWithoutNotice)).Status);
        Assert.Equal(OrderStatus.Unpaid, (await s.OrderAsync(fresh)).Status);
        var grant = Assert.Single(await s.GrantsAsync());
        Assert.Equal((await s.OrderAsync(paidWithoutNotice)).Id, grant.OrderId);

        // A second round finds nothing more to do.
        Assert.Equal((0, 0), await s.App.Services.GetRequiredService<OrderVoidingWorker>().RunOnceAsync(TestContext.Current.CancellationToken));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PaymentSettings_Rsa2_KeepsThePrivateKeyEncryptedAndMasked(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        await s.UseRsa2Async();

        var dump = await s.App.DumpAllTablesAsync();
        Assert.DoesNotContain("MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCozwgR", dump);
        Assert.DoesNotContain(PaymentScenario.Md5Key, dump);
        foreach (var page in new[] { "/admin/settings/payment", "/admin/settings/paymentedit" })
        {
            var html = (await s.Admin.GetAsync(page)).Html;
            Assert.DoesNotContain("MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCozwgR", html);
            Assert.DoesNotContain(PaymentScenario.Md5Key, html);
            Assert.Contains("********", html);
        }
        Assert.Contains("RSA2", (await s.Admin.GetAsync("/admin/settings/payment")).Html);

        var bad = await s.Admin.PostFormAsync("/admin/settings/paymentedit", new Dictionary<string, string>
        {
            ["Input.Protocol"] = "Rsa2", ["Input.Gateway"] = "Aliyun", ["Input.AppId"] = "2021000149600001",
            ["Input.AppPrivateKey"] = "not a key", ["Input.AlipayPublicKey"] = "", ["Input.CallbackHost"] = "203.0.113.10",
            ["Input.CallbackPort"] = "80", ["Input.CallbackScheme"] = "http",
        });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("应用私钥无法读取", bad.Html);
        Assert.Contains("请填写支付宝公钥", bad.Html);
    }
}
