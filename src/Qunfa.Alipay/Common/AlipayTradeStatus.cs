namespace Qunfa.Alipay.Common;

public enum AlipayTradeStatus
{
    Unknown = 0,
    WaitBuyerPay,
    TradeSuccess,
    TradeFinished,
    TradeClosed,
}

public static class AlipayTradeStatusNames
{
    public static AlipayTradeStatus Parse(string? wire) => wire switch
    {
        "WAIT_BUYER_PAY" => AlipayTradeStatus.WaitBuyerPay,
        "TRADE_SUCCESS" => AlipayTradeStatus.TradeSuccess,
        "TRADE_FINISHED" => AlipayTradeStatus.TradeFinished,
        "TRADE_CLOSED" => AlipayTradeStatus.TradeClosed,
        _ => AlipayTradeStatus.Unknown,
    };

    /// <summary>Both TRADE_SUCCESS and TRADE_FINISHED mean the buyer's money arrived.</summary>
    public static bool IsPaid(this AlipayTradeStatus status) =>
        status is AlipayTradeStatus.TradeSuccess or AlipayTradeStatus.TradeFinished;
}
