using System.Net;
using System.Text.RegularExpressions;
using Qunfa.Alipay.Common;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.IntegrationTests;

/// <summary>
/// Alipay notifications: a real purchase through the sandbox cashier for both protocols, and every way a notification
/// can be wrong (duplicate, concurrent, replayed, forged, tampered, wrong seller or app, unknown order).
/// </summary>
public sealed partial class AlipayNotifyTests
{
    private const string TradeNo = "2026112822001499160501586202";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Md5_BuyPayInTheSandbox_NotificationPaysTheOrder_WithOneGrant(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db, loopback: true);
        await BuyAndPayInSandboxAsync(s, PaymentProtocol.Md5);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Rsa2_BuyPayInTheSandbox_NotificationPaysTheOrder_WithOneGrant(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db, loopback: true);
        await s.UseRsa2Async();
        await BuyAndPayInSandboxAsync(s, PaymentProtocol.Rsa2);
    }

    private static async Task BuyAndPayInSandboxAsync(PaymentScenario s, PaymentProtocol protocol)
    {
        var product = await s.ProductAsync(priceFen: 38000, category: SmsCategory.Notification, size: 10000, months: 12);
        var number = await s.BuyAsync(product);
        var order = await s.OrderAsync(number);
        Assert.Equal(OrderStatus.Unpaid, order.Status);
        Assert.Equal(38000, order.AmountFen);
        Assert.Contains("去支付", (await s.Customer.GetAsync("/console/orders/detail?no=" + number)).Html);

        // 去支付 → the signed request → the sandbox cashier → 付款.
        var pay = await s.Customer.GetAsync("/console/orders/pay?no=" + number);
        Assert.Equal(HttpStatusCode.Redirect, pay.Status);
        var gatewayUrl = new Uri(pay.Location!);
        Assert.Equal(protocol == PaymentProtocol.Md5 ? "create_direct_pay_by_user" : "alipay.trade.page.pay",
            AlipayParameters.ParseQuery(gatewayUrl.Query).First(p => p.Key is "service" or "method").Value);
        using var buyer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var cashier = await buyer.GetStringAsync(gatewayUrl, TestContext.Current.CancellationToken);
        var action = PayAction().Match(cashier);
        Assert.True(action.Success, cashier);
        using var paid = await buyer.PostAsync(new Uri(gatewayUrl, action.Groups[1].Value), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var returnUrl = paid.Headers.Location!;
        Assert.Contains("/console/orders/return", returnUrl.AbsolutePath);

        var sandbox = await s.SandboxAsync();
        await sandbox.WhenDeliveriesIdleAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var attempt = Assert.Single(sandbox.NotificationAttempts);
        Assert.True(attempt.Acknowledged, attempt.ResponseBody);

        order = await s.OrderAsync(number);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(sandbox.Trades.Single().TradeNo, order.TradeNo);
        Assert.NotNull(order.PaidAt);
        var grant = Assert.Single(await s.GrantsAsync());
        Assert.Equal(order.Id, grant.OrderId);
        Assert.Equal(GrantSource.Purchased, grant.Source);
        Assert.Equal(SmsCategory.Notification, grant.Category);
        Assert.Equal(10000, grant.Size);
        Assert.Equal(0, grant.Used);
        var paidLocal = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(order.PaidAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        Assert.Equal(paidLocal.AddMonths(12), grant.ExpiresOn);

        // The browser comes back: the page shows what the database says.
        var back = await s.Customer.GetAsync(returnUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Contains("已支付", back.Html);

        // A verbatim replay after the acknowledgement changes nothing.
        var replay = await sandbox.ReplayLastNotificationAsync(number, ct: TestContext.Current.CancellationToken);
        Assert.Equal(AlipayNotifyAnswer.Success, replay.ResponseBody);
        Assert.Single(await s.GrantsAsync());
        Assert.Contains(number, (await s.Customer.GetAsync("/console/orders")).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TwentyConcurrentDuplicates_CreateExactlyOneGrant_AndReplaysChangeNothing(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var number = await s.BuyAsync(await s.ProductAsync(priceFen: 1000));
        var notifyId = (await s.SandboxAsync()).IssueNotifyId(PaymentScenario.Partner);
        var fields = PaymentScenario.Md5Notification(number, TradeNo, 1000, notifyId);

        using var http = s.App.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => s.NotifyAsync("md5", fields, http)));

        Assert.All(answers, a => Assert.Equal(AlipayNotifyAnswer.Success, a));
        var grant = Assert.Single(await s.GrantsAsync());
        var order = await s.OrderAsync(number);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(TradeNo, order.TradeNo);
        Assert.Equal(order.Id, grant.OrderId);

        // Replayed again later: still success, nothing new.
        Assert.Equal(AlipayNotifyAnswer.Success, await s.NotifyAsync("md5", fields));
        Assert.Single(await s.GrantsAsync());
        Assert.Equal(order.PaidAt, (await s.OrderAsync(number)).PaidAt);

        // The same order paid by another trade: nothing changes (the second payment needs a refund).
        Assert.Equal(AlipayNotifyAnswer.Success, await s.NotifyAsync("md5", PaymentScenario.Md5Notification(number, TradeNo + "9", 1000, notifyId)));
        Assert.Equal(TradeNo, (await s.OrderAsync(number)).TradeNo);
        Assert.Single(await s.GrantsAsync());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Rsa2_ConcurrentDuplicates_CreateExactlyOneGrant(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        await s.UseRsa2Async();
        var number = await s.BuyAsync(await s.ProductAsync(priceFen: 1));
        var fields = PaymentScenario.Rsa2Notification(number, TradeNo, 1);

        using var http = s.App.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => s.NotifyAsync("rsa2", fields, http)));

        Assert.All(answers, a => Assert.Equal(AlipayNotifyAnswer.Success, a));
        Assert.Single(await s.GrantsAsync());
        Assert.Equal(OrderStatus.Paid, (await s.OrderAsync(number)).Status);
    }

    public static TheoryData<DatabaseKind, string> BadMd5 => Cases("forged", "tampered-amount", "resigned-amount", "wrong-seller", "unknown-order", "wrong-key", "unconfirmed-notify-id", "duplicated-field", "closed-unknown-order");

    [Theory, MemberData(nameof(BadMd5))]
    public async Task Md5_BadNotifications_AreAnsweredFail_AndChangeNothing(DatabaseKind db, string kind)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var number = await s.BuyAsync(await s.ProductAsync(priceFen: 38000));
        var notifyId = (await s.SandboxAsync()).IssueNotifyId(PaymentScenario.Partner);
        var good = PaymentScenario.Md5Notification(number, TradeNo, 38000, notifyId);
        var fields = kind switch
        {
            "forged" => PaymentScenario.With(good, "sign", "0123456789abcdef0123456789abcdef"),
            "tampered-amount" => PaymentScenario.With(good, "total_fee", "0.01"),
            "resigned-amount" => PaymentScenario.Md5Notification(number, TradeNo, 1, notifyId),
            "wrong-seller" => PaymentScenario.Md5Notification(number, TradeNo, 38000, notifyId, seller: "2088000000000001"),
            "unknown-order" => PaymentScenario.Md5Notification("26112800000x0000", TradeNo, 38000, notifyId),
            "wrong-key" => PaymentScenario.Md5Notification(number, TradeNo, 38000, notifyId, key: "00000000000000000000000000000000"),
            "unconfirmed-notify-id" => PaymentScenario.Md5Notification(number, TradeNo, 38000, "not-issued-by-alipay"),
            "duplicated-field" => [.. good, new("total_fee", "0.01")],
            "closed-unknown-order" => PaymentScenario.Md5Notification("26112800000x0000", TradeNo, 38000, notifyId, status: "TRADE_CLOSED"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        Assert.Equal(AlipayNotifyAnswer.Failure, await s.NotifyAsync("md5", fields));

        var order = await s.OrderAsync(number);
        Assert.Equal(OrderStatus.Unpaid, order.Status);
        Assert.Null(order.TradeNo);
        Assert.Empty(await s.GrantsAsync());
    }

    public static TheoryData<DatabaseKind, string> BadRsa2 => Cases("forged", "tampered-amount", "resigned-amount", "wrong-app", "wrong-seller", "unknown-order", "md5-endpoint");

    [Theory, MemberData(nameof(BadRsa2))]
    public async Task Rsa2_BadNotifications_AreAnsweredFail_AndChangeNothing(DatabaseKind db, string kind)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        await s.UseRsa2Async();
        var number = await s.BuyAsync(await s.ProductAsync(priceFen: 38000));
        var good = PaymentScenario.Rsa2Notification(number, TradeNo, 38000);
        var (endpoint, fields) = kind switch
        {
            "forged" => ("rsa2", PaymentScenario.Rsa2Notification(number, TradeNo, 38000, privateKeyPem: AnotherKey())),
            "tampered-amount" => ("rsa2", PaymentScenario.With(good, "total_amount", "0.01")),
            "resigned-amount" => ("rsa2", PaymentScenario.Rsa2Notification(number, TradeNo, 1)),
            "wrong-app" => ("rsa2", PaymentScenario.Rsa2Notification(number, TradeNo, 38000, appId: "2021000000000000")),
            "wrong-seller" => ("rsa2", PaymentScenario.Rsa2Notification(number, TradeNo, 38000, seller: "2088000000000001")),
            "unknown-order" => ("rsa2", PaymentScenario.Rsa2Notification("26112800000x0000", TradeNo, 38000)),
            "md5-endpoint" => ("md5", good),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        Assert.Equal(AlipayNotifyAnswer.Failure, await s.NotifyAsync(endpoint, fields));

        var order = await s.OrderAsync(number);
        Assert.Equal(OrderStatus.Unpaid, order.Status);
        Assert.Empty(await s.GrantsAsync());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnpaidStatusNotification_ForOurOrder_IsAcknowledged_AndChangesNothing(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var number = await s.BuyAsync(await s.ProductAsync(priceFen: 700));
        var notifyId = (await s.SandboxAsync()).IssueNotifyId(PaymentScenario.Partner);

        Assert.Equal(AlipayNotifyAnswer.Success, await s.NotifyAsync("md5", PaymentScenario.Md5Notification(number, TradeNo, 700, notifyId, status: "WAIT_BUYER_PAY")));
        Assert.Equal(AlipayNotifyAnswer.Success, await s.NotifyAsync("md5", PaymentScenario.Md5Notification(number, TradeNo, 700, notifyId, status: "TRADE_CLOSED")));

        var order = await s.OrderAsync(number);
        Assert.Equal(OrderStatus.Unpaid, order.Status);
        Assert.Null(order.TradeNo);
        Assert.Empty(await s.GrantsAsync());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReturnPage_VerifiesAndShowsTheState_ButNeverGrants(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var number = await s.BuyAsync(await s.ProductAsync(priceFen: 500));
        var sandbox = await s.SandboxAsync();
        var fields = PaymentScenario.Md5Notification(number, TradeNo, 500, sandbox.IssueNotifyId(PaymentScenario.Partner), isReturn: true);
        var query = AlipayParameters.ToQuery(fields);

        var page = await s.Customer.GetAsync("/console/orders/return?" + query);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(number, page.Html);
        Assert.Contains("未支付", page.Html);
        Assert.Equal(OrderStatus.Unpaid, (await s.OrderAsync(number)).Status);
        Assert.Empty(await s.GrantsAsync());

        // Without the session (the strict cookie stays behind on a redirect from Alipay) it still only shows.
        using var anonymous = s.App.CreatePageClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/console/orders/return?" + query)).Status);
        var forged = await anonymous.GetAsync("/console/orders/return?" + AlipayParameters.ToQuery(PaymentScenario.With(fields, "total_fee", "0.01")));
        Assert.Contains("return-invalid", forged.Html);
        Assert.Empty(await s.GrantsAsync());
    }

    private static TheoryData<DatabaseKind, string> Cases(params string[] kinds)
    {
        var data = new TheoryData<DatabaseKind, string>();
        foreach (var db in new[] { DatabaseKind.Sqlite, DatabaseKind.Postgres })
            foreach (var kind in kinds)
                data.Add(db, kind);
        return data;
    }

    private static string AnotherKey()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    [GeneratedRegex("action=\"(cashier/[^\"]+/pay)\"")]
    private static partial Regex PayAction();
}
