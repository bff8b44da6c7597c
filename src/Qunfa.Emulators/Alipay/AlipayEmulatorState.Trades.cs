namespace Qunfa.Emulators.Alipay;

public sealed partial class AlipayEmulatorState
{
    /// <summary>The buyer reached the cashier: the trade exists (WAIT_BUYER_PAY) from now on, or the request conflicts with it.</summary>
    internal (AlipayEmulatorTrade? Trade, string? Error) OpenTrade(
        AlipayEmulatorMerchant merchant,
        AlipayEmulatorProtocol protocol,
        string outTradeNo,
        string subject,
        string? body,
        long totalFen,
        Uri? notifyUrl,
        Uri? returnUrl,
        string? passback,
        TimeSpan? timeout)
    {
        lock (_gate)
        {
            if (_trades.TryGetValue((merchant.Partner, outTradeNo), out var existing))
            {
                ExpireIfDue(existing);
                if (existing.TotalFen != totalFen || existing.Subject != subject)
                {
                    return (null, "TRADE_DATA_MATCH_ERROR：交易信息被篡改");
                }

                switch (existing.Status)
                {
                    case "TRADE_SUCCESS" or "TRADE_FINISHED":
                        return (null, "TRADE_HAS_SUCCESS：该笔订单已经支付");
                    case "TRADE_CLOSED":
                        return (null, "TRADE_HAS_CLOSE：交易已经关闭");
                }

                existing.NotifyUrl = notifyUrl;
                existing.ReturnUrl = returnUrl;
                existing.Passback = passback;
                return (existing, null);
            }

            var now = Time.GetUtcNow();
            var trade = new AlipayEmulatorTrade
            {
                Merchant = merchant,
                Protocol = protocol,
                OutTradeNo = outTradeNo,
                TradeNo = NewTradeNo(),
                Subject = subject,
                Body = body,
                TotalFen = totalFen,
                NotifyUrl = notifyUrl,
                ReturnUrl = returnUrl,
                Passback = passback,
                CreatedAt = now,
                ExpiresAt = timeout is { } t ? now + t : null,
            };
            _trades[(merchant.Partner, outTradeNo)] = trade;
            _byTradeNo[trade.TradeNo] = trade;
            return (trade, null);
        }
    }

    internal string? MarkPaid(AlipayEmulatorTrade trade)
    {
        lock (_gate)
        {
            ExpireIfDue(trade);
            if (trade.Status != "WAIT_BUYER_PAY")
            {
                return trade.Status == "TRADE_CLOSED" ? "交易已关闭，无法付款" : "该笔订单已经支付";
            }

            trade.Status = "TRADE_SUCCESS";
            trade.PaidAt = Time.GetUtcNow();
            return null;
        }
    }

    /// <summary>alipay.trade.close semantics: null sub-code on success.</summary>
    internal string? Close(AlipayEmulatorTrade trade)
    {
        lock (_gate)
        {
            ExpireIfDue(trade);
            switch (trade.Status)
            {
                case "WAIT_BUYER_PAY":
                    trade.Status = "TRADE_CLOSED";
                    trade.ClosedAt = Time.GetUtcNow();
                    return null;
                case "TRADE_CLOSED":
                    return null;
                default:
                    return "ACQ.TRADE_STATUS_ERROR";
            }
        }
    }

    /// <summary>Test hook: closes or pays a trade as if time or the buyer had moved on.</summary>
    public void SetStatus(AlipayEmulatorTrade trade, string status)
    {
        ArgumentNullException.ThrowIfNull(trade);
        lock (_gate)
        {
            trade.Status = status;
            if (status is "TRADE_SUCCESS" or "TRADE_FINISHED")
            {
                trade.PaidAt ??= Time.GetUtcNow();
            }
        }
    }
}
