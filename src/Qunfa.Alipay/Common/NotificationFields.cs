namespace Qunfa.Alipay.Common;

/// <summary>Turns verified parameters into a <see cref="PaymentNotification"/>, failing on missing or malformed fields.</summary>
internal static class NotificationFields
{
    public static NotificationVerification Build(
        IReadOnlyDictionary<string, string> bag,
        AlipayProtocol protocol,
        string amountField,
        string passbackField,
        bool isAsync,
        bool requireStatus)
    {
        var required = new List<string> { "out_trade_no", "trade_no", amountField };
        if (requireStatus)
        {
            required.Add("trade_status");
        }

        if (isAsync)
        {
            required.Add("notify_id");
        }

        var missing = required.Where(f => bag.Get(f) is null).ToList();
        if (missing.Count > 0)
        {
            return NotificationVerification.Invalid(VerificationFailure.MissingField, "Missing " + string.Join(", ", missing) + ".");
        }

        if (!AlipayMoney.TryParseFen(bag.Get(amountField), out var fen))
        {
            return NotificationVerification.Invalid(VerificationFailure.InvalidField, $"{amountField} is not an amount in yuan.");
        }

        var status = AlipayTradeStatusNames.Parse(bag.Get("trade_status"));
        if (requireStatus && status == AlipayTradeStatus.Unknown)
        {
            return NotificationVerification.Invalid(VerificationFailure.InvalidField, "trade_status is not a known status.");
        }

        return NotificationVerification.Valid(new PaymentNotification
        {
            Protocol = protocol,
            OrderNumber = bag.Get("out_trade_no")!,
            TradeNo = bag.Get("trade_no")!,
            TotalFen = fen,
            Status = status,
            SellerId = bag.Get("seller_id"),
            AppId = bag.Get("app_id"),
            NotifyId = bag.Get("notify_id"),
            NotifyTime = ChinaTime.Parse(bag.Get("notify_time")),
            PaidAt = ChinaTime.Parse(bag.Get("gmt_payment")),
            BuyerId = bag.Get("buyer_id"),
            Passback = bag.Get(passbackField),
            IsAsyncNotification = isAsync,
            RawParameters = bag,
        });
    }
}
