using System.Net;
using Qunfa.Alipay.Common;
using Qunfa.Alipay.Tests.Infrastructure;
using Qunfa.Emulators.Alipay;

namespace Qunfa.Alipay.Tests.Contract;

/// <summary>Qunfa.Alipay's MD5 client against the emulator's independent server side.</summary>
public sealed class Md5ContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PayFlowEndsInAVerifiedNotificationAndReturn()
    {
        await using var c = await ContractContext.StartAsync();
        c.VerifyMd5Inline();
        var form = c.Md5.CreatePayment(c.Order("Q000000000000001"));
        Assert.False((await c.Md5.QueryTradeAsync("Q000000000000001", ct: Ct)).Found);

        var (status, html, page) = await c.Buyer.OpenAsync(form);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Q000000000000001", html, StringComparison.Ordinal);
        Assert.Contains("通知类短信包 1000 条 &lt;b&gt;&amp;&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("￥12.34", html, StringComparison.Ordinal);
        Assert.Contains(AlipayEmulatorDefaults.MerchantName, html, StringComparison.Ordinal);
        Assert.Contains(">付款<", html, StringComparison.Ordinal);
        Assert.Contains(">取消<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", c.Buyer.LastResponse!.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var waiting = await c.Md5.QueryTradeAsync("Q000000000000001", ct: Ct);
        Assert.Equal((true, AlipayTradeStatus.WaitBuyerPay, 1234L), (waiting.Found, waiting.Status, waiting.TotalFen));

        var pressed = await c.Buyer.PressAsync(html, page);
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        var returned = await c.Md5.VerifyReturnAsync(AlipayParameters.ParseQuery(pressed.Headers.Location!.Query), Ct);
        Assert.True(returned.IsValid, returned.ToString());
        Assert.False(returned.Notification.IsAsyncNotification);

        var notified = await c.NextVerifiedAsync();
        Assert.True(notified.IsValid, notified.ToString());
        var n = notified.Notification;
        Assert.Equal(("Q000000000000001", 1234L, AlipayEmulatorDefaults.Partner, AlipayTradeStatus.TradeSuccess), (n.OrderNumber, n.TotalFen, n.SellerId, n.Status));
        Assert.Equal(returned.Notification.TradeNo, n.TradeNo);

        var paid = await c.Md5.QueryTradeAsync(null, n.TradeNo, Ct);
        Assert.True(paid.IsPaid);
        Assert.Equal(("Q000000000000001", AlipayEmulatorDefaults.Partner), (paid.OrderNumber, paid.SellerId));
        Assert.NotNull(paid.PaidAt);
    }

    [Fact]
    public async Task NotifyVerifyIsTrueUntilAcknowledgedAndOnlyForIssuedIds()
    {
        await using var c = await ContractContext.StartAsync();
        var beforeAnswer = new List<bool>();
        c.Merchant.Respond = async (parameters, _) =>
        {
            var id = parameters.Single(p => p.Key == "notify_id").Value;
            beforeAnswer.Add(await c.Md5.NotifyVerifyAsync(id));
            beforeAnswer.Add(await c.Md5.NotifyVerifyAsync(id));
            return AlipayNotifyAnswer.Success;
        };
        var returned = await c.Buyer.PayAndFollowToReturnAsync(c.Md5.CreatePayment(c.Order("Q000000000000002")), c.Merchant.ReturnUrl);
        var notifyId = (await c.Merchant.NextAsync()).Single(p => p.Key == "notify_id").Value;
        await c.Emulator.State.WhenDeliveriesIdleAsync(Ct);

        Assert.Equal([true, true], beforeAnswer);
        Assert.False(await c.Md5.NotifyVerifyAsync(notifyId, Ct));
        Assert.False(await c.Md5.NotifyVerifyAsync("0123456789abcdef0123456789abcdef00", Ct));

        var returnId = returned.Single(p => p.Key == "notify_id").Value;
        Assert.NotEqual(notifyId, returnId);
        Assert.True(await c.Md5.NotifyVerifyAsync(returnId, Ct));
        Assert.True(await c.Md5.NotifyVerifyAsync(returnId, Ct));
        Assert.False(c.Emulator.State.VerifyNotifyId("2088999999999999", returnId));
        c.Emulator.State.ExpireNotifyIds();
        Assert.False(await c.Md5.NotifyVerifyAsync(returnId, Ct));
    }

    [Fact]
    public async Task RetriesUntilExactlySuccess()
    {
        await using var c = await ContractContext.StartAsync();
        c.Merchant.Answer = n => n switch { 1 => "fail", 2 => "success\n", _ => "success" };
        await c.Buyer.PayAndFollowToReturnAsync(c.Md5.CreatePayment(c.Order("Q000000000000003")), c.Merchant.ReturnUrl);
        await c.Emulator.State.WhenDeliveriesIdleAsync(Ct);

        var attempts = c.Emulator.State.NotificationAttempts;
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.Equal([false, false, true], attempts.Select(a => a.Acknowledged));
        Assert.Single(attempts.Select(a => a.NotifyId).Distinct());
    }

    [Fact]
    public async Task DuplicatesAndReplaysAfterTheAcknowledgementFailNotifyVerifyButStaySigned()
    {
        await using var c = await ContractContext.StartAsync();
        c.VerifyMd5Inline();
        c.Emulator.State.Faults.DuplicateNotifications = 2;
        await c.Buyer.PayAndFollowToReturnAsync(c.Md5.CreatePayment(c.Order("Q000000000000004")), c.Merchant.ReturnUrl);
        await c.Emulator.State.WhenDeliveriesIdleAsync(Ct);
        var replay = await c.Emulator.State.ReplayLastNotificationAsync("Q000000000000004", ct: Ct);
        Assert.False(replay.Acknowledged);

        var received = new List<IReadOnlyList<KeyValuePair<string, string>>>();
        var verified = new List<NotificationVerification>();
        for (var i = 0; i < 4; i++)
        {
            received.Add(await c.Merchant.NextAsync());
            verified.Add(await c.NextVerifiedAsync());
        }

        Assert.All(received, r => Assert.Equal(received[0], r));
        Assert.True(verified[0].IsValid, verified[0].ToString());
        Assert.All(verified.Skip(1), v => Assert.Equal(VerificationFailure.NotifyIdRejected, v.Failure));
        Assert.All(verified, v => Assert.Equal(verified[0].Notification!.NotifyId, v.Notification!.NotifyId));
        Assert.All(verified, v => Assert.Equal(verified[0].Notification!.TradeNo, v.Notification!.TradeNo));
    }

    [Fact]
    public async Task AmountTamperedAfterSigningFailsVerification()
    {
        await using var c = await ContractContext.StartAsync();
        c.Emulator.State.Faults.TamperAmount = AmountTamperMode.AfterSigning;
        c.Emulator.State.Faults.TamperedAmountFen = 1;
        await c.Buyer.PayAndFollowToReturnAsync(c.Md5.CreatePayment(c.Order("Q000000000000005")), c.Merchant.ReturnUrl);

        var result = await c.Md5.VerifyNotificationAsync(await c.Merchant.NextAsync(), Ct);
        Assert.Equal(VerificationFailure.BadSignature, result.Failure);
    }

    [Fact]
    public async Task ResignedWrongAmountPassesTheLibraryButNotTheAmountCheck()
    {
        await using var c = await ContractContext.StartAsync();
        c.VerifyMd5Inline();
        c.Emulator.State.Faults.TamperAmount = AmountTamperMode.Resigned;
        c.Emulator.State.Faults.TamperedAmountFen = 1;
        await c.Buyer.PayAndFollowToReturnAsync(c.Md5.CreatePayment(c.Order("Q000000000000006")), c.Merchant.ReturnUrl);

        var result = await c.NextVerifiedAsync();
        Assert.True(result.IsValid, result.ToString());
        Assert.NotEqual(1234L, result.Notification.TotalFen);
    }

    [Fact]
    public async Task GatewayRejectsATamperedPaymentRequest()
    {
        await using var c = await ContractContext.StartAsync();
        var form = c.Md5.CreatePayment(c.Order("Q000000000000007"));
        var tampered = form with { Fields = [.. form.Fields.Select(f => f.Key == "total_fee" ? new KeyValuePair<string, string>(f.Key, "0.01") : f)] };

        var (status, html, _) = await c.Buyer.OpenAsync(tampered);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("ILLEGAL_SIGN", html, StringComparison.Ordinal);
        Assert.False((await c.Md5.QueryTradeAsync("Q000000000000007", ct: Ct)).Found);
    }

    [Fact]
    public async Task CancelLeavesTheTradeUnpaid()
    {
        await using var c = await ContractContext.StartAsync();
        var (_, html, page) = await c.Buyer.OpenAsync(c.Md5.CreatePayment(c.Order("Q000000000000008")));

        var response = await c.Buyer.PressAsync(html, page, "cancel");

        Assert.Contains("已取消", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(AlipayTradeStatus.WaitBuyerPay, (await c.Md5.QueryTradeAsync("Q000000000000008", ct: Ct)).Status);
        Assert.Empty(c.Emulator.State.NotificationAttempts);
    }

    [Fact]
    public async Task WrongKeyIsRefusedByTheGateway()
    {
        await using var c = await ContractContext.StartAsync(client: o => o.Md5.Md5Key = new string('f', 32));
        await Assert.ThrowsAsync<AlipayException>(() => c.Md5.QueryTradeAsync("Q000000000000009", ct: Ct));
        var (status, html, _) = await c.Buyer.OpenAsync(c.Md5.CreatePayment(c.Order("Q000000000000009")));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("ILLEGAL_SIGN", html, StringComparison.Ordinal);
    }
}
