namespace Qunfa.Alipay.Common;

public sealed record TradeQueryResult
{
    /// <summary>False when Alipay does not know the trade (the buyer never reached the cashier).</summary>
    public required bool Found { get; init; }

    public string? OrderNumber { get; init; }

    public string? TradeNo { get; init; }

    public AlipayTradeStatus Status { get; init; }

    public long? TotalFen { get; init; }

    public string? SellerId { get; init; }

    public string? BuyerId { get; init; }

    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>Alipay's error or sub-code when not found, e.g. TRADE_NOT_EXIST / ACQ.TRADE_NOT_EXIST.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public bool IsPaid => Found && Status.IsPaid();
}
