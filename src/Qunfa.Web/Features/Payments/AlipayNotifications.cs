using Qunfa.Alipay.Common;
using Qunfa.Alipay.Md5;
using Qunfa.Alipay.Rsa2;

namespace Qunfa.Web.Features.Payments;

/// <summary>
/// Alipay's asynchronous notifications (docs/decisions/0005-alipay.md): the library verifies the signature and the
/// event (notify_verify / app_id) with the keys of 支付配置's current gateway, this class checks that the order was made for
/// that gateway, checks seller and amount and applies the payment. Answers
/// <see cref="AlipayNotifyAnswer.Success"/> only when the order is paid by this trade (now or before) or the
/// notification needs nothing; everything else changes nothing, is logged and answered "fail".
/// </summary>
public sealed class AlipayNotifications(
    PaymentSettingsState settings,
    AlipayMd5Client md5,
    AlipayRsa2Client rsa2,
    PaymentApplier applier,
    ILogger<AlipayNotifications> logger)
{
    public async Task<string> HandleMd5Async(IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        var snapshot = await settings.RefreshAsync(ct);
        var verification = await md5.VerifyNotificationAsync(form, ct);
        return await HandleAsync(verification, snapshot, "md5", form, ct);
    }

    public async Task<string> HandleRsa2Async(IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        var snapshot = await settings.RefreshAsync(ct);
        var verification = rsa2.VerifyNotification(form);
        return await HandleAsync(verification, snapshot, "rsa2", form, ct);
    }

    private async Task<string> HandleAsync(NotificationVerification verification, PaymentSnapshot snapshot, string protocol,
        IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        if (!verification.IsValid)
        {
            // A notify_id Alipay no longer confirms: a repeat of a notification already acknowledged. Its signature held,
            // so it may be answered "success" when the order is already paid by exactly this trade; it never grants.
            if (verification.Failure == VerificationFailure.NotifyIdRejected && verification.Notification is { IsPaid: true } repeat)
            {
                var outcome = await applier.CheckSettledAsync(repeat.OrderNumber, repeat.TradeNo, snapshot.Gateway, ct);
                if (outcome) return AlipayNotifyAnswer.Success;
            }
            logger.LogWarning("Alipay {Protocol} notification refused: {Failure} {Reason} (out_trade_no {Order})",
                protocol, verification.Failure, verification.Reason, Field(form, "out_trade_no"));
            return AlipayNotifyAnswer.Failure;
        }

        var n = verification.Notification;
        if (!n.IsPaid)
        {
            // WAIT_BUYER_PAY / TRADE_CLOSED: nothing to apply (the voiding worker decides about unpaid orders); acknowledged
            // only for one of our orders and our seller.
            if (!await applier.IsOursAsync(n.OrderNumber, n.SellerId, snapshot.ExpectedSellerId, snapshot.Gateway, ct))
            {
                logger.LogWarning("Alipay {Protocol} notification refused: {Status} for unknown order {Order} or seller {Seller}", protocol, n.Status, n.OrderNumber, n.SellerId);
                return AlipayNotifyAnswer.Failure;
            }
            logger.LogInformation("Alipay {Protocol} notification for {Order}: {Status}, nothing to apply", protocol, n.OrderNumber, n.Status);
            return AlipayNotifyAnswer.Success;
        }

        var result = await applier.ApplyAsync(
            new PaidTrade(n.OrderNumber, n.TradeNo, n.TotalFen, n.SellerId, n.PaidAt, protocol + " notification " + n.NotifyId),
            snapshot.ExpectedSellerId, snapshot.Gateway, ct);
        return result is PaymentOutcome.Applied or PaymentOutcome.AlreadyPaid or PaymentOutcome.PaidByAnotherTrade
            ? AlipayNotifyAnswer.Success
            : AlipayNotifyAnswer.Failure;
    }

    private static string? Field(IReadOnlyList<KeyValuePair<string, string>> form, string key)
    {
        var value = form.FirstOrDefault(p => p.Key == key).Value;
        return value is { Length: > 64 } ? value[..64] : value;
    }
}
