using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Alipay.Common;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Workers;

namespace Qunfa.IntegrationTests;

/// <summary>An Alipay notification that arrives late: after the voiding worker already paid the order, or after the customer cancelled it.</summary>
public sealed class AlipayLateNotifyTests
{
    private const string TradeNo = "2026112822001499160501586999";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Notify_AfterTheWorkerPaidTheOrder_IsAcknowledged_AndGrantsNothingMore(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var number = await s.BuyAsync(await s.ProductAsync(priceFen: 2000));
        // Paid at the sandbox cashier; the notification cannot reach this in-memory host, so the worker's trade query pays it.
        var pay = await s.Customer.GetAsync("/console/orders/pay?no=" + number);
        using var buyer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var gateway = new Uri(pay.Location!);
        var cashier = await buyer.GetStringAsync(gateway, Ct);
        var action = System.Text.RegularExpressions.Regex.Match(cashier, "action=\"(cashier/[^\"]+/pay)\"").Groups[1].Value;
        using (await buyer.PostAsync(new Uri(gateway, action), new FormUrlEncodedContent([]), Ct)) { }
        // A day old, so the worker asks Alipay about it.
        var stale = DateTimeOffset.UtcNow.AddHours(-25);
        await s.App.WithDbAsync(d => d.Orders.ExecuteUpdateAsync(u => u.SetProperty(o => o.CreatedAt, stale).SetProperty(o => o.NextPaymentCheckAt, stale.AddHours(24)), Ct));
        Assert.Equal((0, 1), await s.App.Services.GetRequiredService<OrderVoidingWorker>().RunOnceAsync(Ct));
        var paid = await s.OrderAsync(number);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        var grant = Assert.Single(await s.GrantsAsync());

        var notifyId = (await s.SandboxAsync()).IssueNotifyId(PaymentScenario.Partner);
        Assert.Equal(AlipayNotifyAnswer.Success, await s.NotifyAsync("md5", PaymentScenario.Md5Notification(number, paid.TradeNo!, 2000, notifyId)));

        Assert.Equal(grant.Id, Assert.Single(await s.GrantsAsync()).Id);
        Assert.Equal(paid.PaidAt, (await s.OrderAsync(number)).PaidAt);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Notify_AfterTheCustomerCancelled_PaysTheOrderOnce(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var number = await s.BuyAsync(await s.ProductAsync(priceFen: 1000));
        var cancelled = await s.Customer.PostFormAsync("/console/orders?handler=Cancel", new Dictionary<string, string> { ["no"] = number }, formPath: "/console/orders");
        Assert.True(cancelled.IsRedirectTo("/console/orders"));
        Assert.Equal(OrderStatus.Void, (await s.OrderAsync(number)).Status);
        var fields = PaymentScenario.Md5Notification(number, TradeNo, 1000, (await s.SandboxAsync()).IssueNotifyId(PaymentScenario.Partner));

        // The buyer was still at the cashier: the money arrived, so the order is paid, with one grant.
        Assert.Equal(AlipayNotifyAnswer.Success, await s.NotifyAsync("md5", fields));
        Assert.Equal(AlipayNotifyAnswer.Success, await s.NotifyAsync("md5", fields));

        var order = await s.OrderAsync(number);
        Assert.Equal((OrderStatus.Paid, TradeNo), (order.Status, order.TradeNo));
        Assert.Equal(order.Id, Assert.Single(await s.GrantsAsync()).OrderId);
    }
}
