namespace Qunfa.Emulators.Alipay;

using Pairs = List<KeyValuePair<string, string>>;

/// <summary>Signed notification (server POST) and return (browser GET) parameters for both protocols.</summary>
internal static class AlipayNotificationBuilder
{
    public static Pairs Md5Notify(AlipayEmulatorState state, AlipayEmulatorTrade trade, string notifyId) =>
        Md5Sign(Md5Fields(state, trade, notifyId, isReturn: false), trade, state.Faults);

    public static Pairs Md5Return(AlipayEmulatorState state, AlipayEmulatorTrade trade, string notifyId) =>
        Md5Sign(Md5Fields(state, trade, notifyId, isReturn: true), trade, faults: null);

    public static Pairs Rsa2Notify(AlipayEmulatorState state, AlipayEmulatorTrade trade, string notifyId)
    {
        var amount = AlipayEmulatorSigning.Yuan(trade.TotalFen);
        Pairs fields =
        [
            new("gmt_create", AlipayEmulatorSigning.Time(trade.CreatedAt)),
            new("charset", "utf-8"),
            new("gmt_payment", AlipayEmulatorSigning.Time(trade.PaidAt ?? state.Time.GetUtcNow())),
            new("notify_time", AlipayEmulatorSigning.Time(state.Time.GetUtcNow())),
            new("subject", trade.Subject),
            new("buyer_id", state.Options.BuyerId),
            new("invoice_amount", amount),
            new("version", "1.0"),
            new("notify_id", notifyId),
            new("fund_bill_list", $$"""[{"amount":"{{amount}}","fundChannel":"ALIPAYACCOUNT"}]"""),
            new("notify_type", "trade_status_sync"),
            new("out_trade_no", trade.OutTradeNo),
            new("total_amount", amount),
            new("trade_status", trade.Status),
            new("trade_no", trade.TradeNo),
            new("auth_app_id", trade.Merchant.AppId),
            new("receipt_amount", amount),
            new("point_amount", "0.00"),
            new("buyer_pay_amount", amount),
            new("app_id", trade.Merchant.AppId),
            new("seller_id", trade.Merchant.Partner),
        ];
        if (!string.IsNullOrEmpty(trade.Passback))
        {
            fields.Add(new("passback_params", trade.Passback));
        }

        return Rsa2Sign(fields, state, state.Faults);
    }

    public static Pairs Rsa2Return(AlipayEmulatorState state, AlipayEmulatorTrade trade) =>
        Rsa2Sign(
        [
            new("charset", "utf-8"),
            new("out_trade_no", trade.OutTradeNo),
            new("method", "alipay.trade.page.pay.return"),
            new("total_amount", AlipayEmulatorSigning.Yuan(trade.TotalFen)),
            new("trade_no", trade.TradeNo),
            new("auth_app_id", trade.Merchant.AppId),
            new("version", "1.0"),
            new("app_id", trade.Merchant.AppId),
            new("seller_id", trade.Merchant.Partner),
            new("timestamp", AlipayEmulatorSigning.Time(state.Time.GetUtcNow())),
        ], state, faults: null);

    private static Pairs Md5Fields(AlipayEmulatorState state, AlipayEmulatorTrade trade, string notifyId, bool isReturn)
    {
        var amount = AlipayEmulatorSigning.Yuan(trade.TotalFen);
        Pairs fields = isReturn ? [new("is_success", "T"), new("exterface", "create_direct_pay_by_user")] : [];
        fields.AddRange(
        [
            new("notify_time", AlipayEmulatorSigning.Time(state.Time.GetUtcNow())),
            new("notify_type", "trade_status_sync"),
            new("notify_id", notifyId),
            new("out_trade_no", trade.OutTradeNo),
            new("subject", trade.Subject),
            new("body", trade.Body ?? string.Empty),
            new("payment_type", "1"),
            new("trade_no", trade.TradeNo),
            new("trade_status", trade.Status),
            new("seller_id", trade.Merchant.Partner),
            new("seller_email", trade.Merchant.SellerEmail),
            new("buyer_id", state.Options.BuyerId),
            new("buyer_email", state.Options.BuyerEmail),
            new("total_fee", amount),
            new("price", amount),
            new("quantity", "1"),
            new("discount", "0.00"),
            new("is_total_fee_adjust", "N"),
            new("use_coupon", "N"),
            new("gmt_create", AlipayEmulatorSigning.Time(trade.CreatedAt)),
            new("gmt_payment", trade.PaidAt is { } paid ? AlipayEmulatorSigning.Time(paid) : string.Empty),
            new("gmt_close", trade.ClosedAt is { } closed ? AlipayEmulatorSigning.Time(closed) : string.Empty),
            new("extra_common_param", trade.Passback ?? string.Empty),
        ]);
        return [.. fields.Where(f => f.Value.Length > 0)];
    }

    private static Pairs Md5Sign(Pairs fields, AlipayEmulatorTrade trade, AlipayEmulatorFaults? faults)
    {
        if (faults?.TamperAmount == AmountTamperMode.Resigned)
        {
            fields = Tamper(fields, "total_fee", faults.TamperedAmountFen);
        }

        fields.Add(new("sign", AlipayEmulatorSigning.Md5(fields, trade.Merchant.Md5Key)));
        fields.Add(new("sign_type", "MD5"));
        return faults?.TamperAmount == AmountTamperMode.AfterSigning ? Tamper(fields, "total_fee", faults.TamperedAmountFen) : fields;
    }

    private static Pairs Rsa2Sign(Pairs fields, AlipayEmulatorState state, AlipayEmulatorFaults? faults)
    {
        if (faults?.TamperAmount == AmountTamperMode.Resigned)
        {
            fields = Tamper(fields, "total_amount", faults.TamperedAmountFen);
        }

        var content = AlipayEmulatorSigning.Content(fields, "sign", "sign_type");
        fields.Add(new("sign", AlipayEmulatorSigning.Rsa2(content, state.Options.AlipayPrivateKey)));
        fields.Add(new("sign_type", "RSA2"));
        return faults?.TamperAmount == AmountTamperMode.AfterSigning ? Tamper(fields, "total_amount", faults.TamperedAmountFen) : fields;
    }

    private static Pairs Tamper(Pairs fields, string amountField, long fen) =>
        [.. fields.Select(f => f.Key == amountField ? new KeyValuePair<string, string>(f.Key, AlipayEmulatorSigning.Yuan(fen)) : f)];
}
