using System.Net;
using Qunfa.Alipay.Common;
using Qunfa.Alipay.Tests.Infrastructure;
using Qunfa.Emulators.Alipay;

namespace Qunfa.Alipay.Tests.Contract;

/// <summary>Qunfa.Alipay's RSA2 client against the emulator's independent server side.</summary>
public sealed class Rsa2ContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PayFlowEndsInAVerifiedNotificationAndReturn()
    {
        await using var c = await ContractContext.StartAsync();
        var form = c.Rsa2.CreatePagePay(c.Order("R000000000000001", 1) with { Passback = "order=R1&x=+" });
        var before = await c.Rsa2.QueryTradeAsync("R000000000000001", ct: Ct);
        Assert.Equal((false, "ACQ.TRADE_NOT_EXIST"), (before.Found, before.ErrorCode));

        var (status, html, page) = await c.Buyer.OpenAsync(form);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("￥0.01", html, StringComparison.Ordinal);
        Assert.Equal(AlipayTradeStatus.WaitBuyerPay, (await c.Rsa2.QueryTradeAsync("R000000000000001", ct: Ct)).Status);

        var pressed = await c.Buyer.PressAsync(html, page);
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        var returned = c.Rsa2.VerifyReturn(AlipayParameters.ParseQuery(pressed.Headers.Location!.Query));
        Assert.True(returned.IsValid, returned.ToString());
        Assert.False(returned.Notification.IsPaid);

        var notified = c.Rsa2.VerifyNotification(await c.Merchant.NextAsync());
        Assert.True(notified.IsValid, notified.ToString());
        var n = notified.Notification;
        Assert.Equal(("R000000000000001", 1L, AlipayTradeStatus.TradeSuccess), (n.OrderNumber, n.TotalFen, n.Status));
        Assert.Equal((AlipayEmulatorDefaults.AppId, AlipayEmulatorDefaults.Partner), (n.AppId, n.SellerId));
        Assert.Equal("order=R1&x=+", n.Passback);
        Assert.Equal(returned.Notification.TradeNo, n.TradeNo);

        var paid = await c.Rsa2.QueryTradeAsync(null, n.TradeNo, Ct);
        Assert.Equal((true, 1L, "R000000000000001"), (paid.IsPaid, paid.TotalFen, paid.OrderNumber));

        var close = await c.Rsa2.CloseTradeAsync("R000000000000001", ct: Ct);
        Assert.Equal((false, "ACQ.TRADE_STATUS_ERROR"), (close.Closed, close.ErrorCode));
    }

    [Fact]
    public async Task CloseEndsAnUnpaidTrade()
    {
        await using var c = await ContractContext.StartAsync();
        var (_, html, page) = await c.Buyer.OpenAsync(c.Rsa2.CreatePagePay(c.Order("R000000000000002")));

        var close = await c.Rsa2.CloseTradeAsync("R000000000000002", ct: Ct);
        Assert.True(close.Closed);
        Assert.Equal(AlipayTradeStatus.TradeClosed, (await c.Rsa2.QueryTradeAsync("R000000000000002", ct: Ct)).Status);
        Assert.Equal(AlipayTradeStatus.TradeClosed, (await c.Md5.QueryTradeAsync("R000000000000002", ct: Ct)).Status);

        Assert.Equal(HttpStatusCode.Conflict, (await c.Buyer.PressAsync(html, page)).StatusCode);
        Assert.Empty(c.Emulator.State.NotificationAttempts);
        var unknown = await c.Rsa2.CloseTradeAsync("R999999999999999", ct: Ct);
        Assert.Equal((false, "ACQ.TRADE_NOT_EXIST"), (unknown.Closed, unknown.ErrorCode));
    }

    [Fact]
    public async Task TamperedNotificationsAreCaught()
    {
        await using var c = await ContractContext.StartAsync();
        c.Emulator.State.Faults.TamperAmount = AmountTamperMode.AfterSigning;
        await c.Buyer.PayAndFollowToReturnAsync(c.Rsa2.CreatePagePay(c.Order("R000000000000003")), c.Merchant.ReturnUrl);
        Assert.Equal(VerificationFailure.BadSignature, c.Rsa2.VerifyNotification(await c.Merchant.NextAsync()).Failure);

        c.Emulator.State.Faults.TamperAmount = AmountTamperMode.Resigned;
        await c.Buyer.PayAndFollowToReturnAsync(c.Rsa2.CreatePagePay(c.Order("R000000000000004")), c.Merchant.ReturnUrl);
        var resigned = c.Rsa2.VerifyNotification(await c.Merchant.NextAsync());
        Assert.True(resigned.IsValid, resigned.ToString());
        Assert.Equal(1L, resigned.Notification.TotalFen);
    }

    [Fact]
    public async Task WrongAppKeyIsRefused()
    {
        var other = Rsa2.Rsa2VerificationTests.NewKeyPair();
        await using var c = await ContractContext.StartAsync(client: o => o.Rsa2.AppPrivateKey = other.Private);

        var ex = await Assert.ThrowsAsync<AlipayException>(() => c.Rsa2.QueryTradeAsync("R000000000000005", ct: Ct));
        Assert.Contains("isv.invalid-signature", ex.Message, StringComparison.Ordinal);
        var (status, html, _) = await c.Buyer.OpenAsync(c.Rsa2.CreatePagePay(c.Order("R000000000000005")));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("isv.invalid-signature", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongAlipayPublicKeyRejectsEverythingFromTheGateway()
    {
        var other = Rsa2.Rsa2VerificationTests.NewKeyPair();
        await using var c = await ContractContext.StartAsync(client: o => o.Rsa2.AlipayPublicKey = other.Public);

        await Assert.ThrowsAsync<AlipayException>(() => c.Rsa2.QueryTradeAsync("R000000000000006", ct: Ct));
    }

    [Fact]
    public async Task ChangedAmountForTheSameOrderIsRefused()
    {
        await using var c = await ContractContext.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await c.Buyer.OpenAsync(c.Rsa2.CreatePagePay(c.Order("R000000000000007", 100)))).Status);
        var (status, html, _) = await c.Buyer.OpenAsync(c.Rsa2.CreatePagePay(c.Order("R000000000000007", 1)));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("交易信息被篡改", html, StringComparison.Ordinal);
    }
}
