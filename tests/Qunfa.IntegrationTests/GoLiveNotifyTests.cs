using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Alipay.Common;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.Orders;
using Qunfa.Web.Workers;

namespace Qunfa.IntegrationTests;

/// <summary>
/// Each order remembers the gateway it was made for: the sandbox, whose MD5 key is public, never pays an order made for
/// real Alipay, and a real Alipay notification never pays an order made in the sandbox (so a trial order cannot be paid
/// after going live). Both refusals answer "fail" and change nothing.
/// </summary>
public sealed class GoLiveNotifyTests
{
    private const string TradeNo = "2026120722001499160501586202";
    private const string OwnPartner = "2088000011112222";
    private const string OwnMd5Key = "ownkey7md5k9d2x8c4v6b1n5m0z7a3s9";
    private const string OwnAppId = "2021000000001234";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SandboxNotify_ForAnOrderMadeForRealAlipay_IsRefused_AndChangesNothing(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var product = await s.ProductAsync(priceFen: 38000);
        Assert.True((await s.SavePaymentSettingsAsync("Md5", "Aliyun", new Dictionary<string, string>
        {
            ["Input.PartnerId"] = OwnPartner, ["Input.Md5Key"] = OwnMd5Key,
        })).IsRedirectTo("/admin/settings/payment"));
        var real = await s.BuyAsync(product);
        Assert.Equal(CarrierKind.Aliyun, (await s.OrderAsync(real)).Gateway);

        // The operator goes back to the sandbox for a while: now anyone can sign with the demo merchant's published key.
        await s.UseSandboxAsync();
        var sandbox = await s.BuyAsync(product);
        Assert.Equal(CarrierKind.Sandbox, (await s.OrderAsync(sandbox)).Gateway);
        var emulator = await s.SandboxAsync();
        var forged = PaymentScenario.Md5Notification(real, TradeNo, 38000, emulator.IssueNotifyId(PaymentScenario.Partner));

        Assert.Equal(AlipayNotifyAnswer.Failure, await s.NotifyAsync("md5", forged));

        var order = await s.OrderAsync(real);
        Assert.Equal(OrderStatus.Unpaid, order.Status);
        Assert.Null(order.TradeNo);
        Assert.Empty(await s.GrantsAsync());

        // The same notification for the sandbox's own order is what the sandbox is for.
        Assert.Equal(AlipayNotifyAnswer.Success,
            await s.NotifyAsync("md5", PaymentScenario.Md5Notification(sandbox, TradeNo, 38000, emulator.IssueNotifyId(PaymentScenario.Partner))));
        Assert.Equal((await s.OrderAsync(sandbox)).Id, Assert.Single(await s.GrantsAsync()).OrderId);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RealNotify_ForAnOrderMadeInTheSandbox_IsRefused_AndChangesNothing(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var product = await s.ProductAsync(priceFen: 1000);
        var trial = await s.BuyAsync(product);
        Assert.Equal(CarrierKind.Sandbox, (await s.OrderAsync(trial)).Gateway);

        // Going live on the open platform with the operator's own app; "Alipay" signs with the key whose public half is saved.
        using var app = RSA.Create(2048);
        using var alipay = RSA.Create(2048);
        Assert.True((await s.SavePaymentSettingsAsync("Rsa2", "Aliyun", new Dictionary<string, string>
        {
            ["Input.PartnerId"] = OwnPartner, ["Input.AppId"] = OwnAppId,
            ["Input.AppPrivateKey"] = app.ExportPkcs8PrivateKeyPem(), ["Input.AlipayPublicKey"] = alipay.ExportSubjectPublicKeyInfoPem(),
        })).IsRedirectTo("/admin/settings/payment"));
        var alipayKey = alipay.ExportPkcs8PrivateKeyPem();

        var signedByAlipay = PaymentScenario.Rsa2Notification(trial, TradeNo, 1000, appId: OwnAppId, seller: OwnPartner, privateKeyPem: alipayKey);
        Assert.Equal(AlipayNotifyAnswer.Failure, await s.NotifyAsync("rsa2", signedByAlipay));

        var order = await s.OrderAsync(trial);
        Assert.Equal(OrderStatus.Unpaid, order.Status);
        Assert.Null(order.TradeNo);
        Assert.Empty(await s.GrantsAsync());

        // The buyer is not sent to pay it either: the payment would be refused.
        var pay = await s.Customer.GetAsync("/console/orders/pay?no=" + trial);
        Assert.Equal(HttpStatusCode.OK, pay.Status);
        Assert.Contains(OrderService.OtherGatewayMessage, pay.Html);

        // An order made after going live is paid by the same kind of notification.
        var live = await s.BuyAsync(product);
        Assert.Equal(CarrierKind.Aliyun, (await s.OrderAsync(live)).Gateway);
        Assert.Equal(AlipayNotifyAnswer.Success,
            await s.NotifyAsync("rsa2", PaymentScenario.Rsa2Notification(live, TradeNo + "1", 1000, appId: OwnAppId, seller: OwnPartner, privateKeyPem: alipayKey)));
        Assert.Equal(OrderStatus.Paid, (await s.OrderAsync(live)).Status);
        Assert.Equal((await s.OrderAsync(live)).Id, Assert.Single(await s.GrantsAsync()).OrderId);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Voiding_AfterGoingLive_VoidsSandboxOrdersWithoutAskingAlipay(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var trial = await s.BuyAsync(await s.ProductAsync(priceFen: 1000));
        Assert.True((await s.SavePaymentSettingsAsync("Md5", "Aliyun", new Dictionary<string, string>
        {
            ["Input.PartnerId"] = OwnPartner, ["Input.Md5Key"] = OwnMd5Key,
        })).IsRedirectTo("/admin/settings/payment"));
        var stale = DateTimeOffset.UtcNow.AddHours(-25);
        await s.App.WithDbAsync(d => d.Orders.ExecuteUpdateAsync(u => u.SetProperty(o => o.CreatedAt, stale).SetProperty(o => o.NextPaymentCheckAt, stale.AddHours(24))));

        // "Real Alipay" is a closed port here: an order it had to be asked about would be postponed, not voided.
        var (voided, paid) = await s.App.Services.GetRequiredService<OrderVoidingWorker>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal((1, 0), (voided, paid));
        Assert.Equal(OrderStatus.Void, (await s.OrderAsync(trial)).Status);
        Assert.Empty(await s.GrantsAsync());
    }
}
