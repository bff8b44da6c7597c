namespace Qunfa.Alipay.Common;

public sealed record TradeCloseResult
{
    public required bool Closed { get; init; }

    public string? OrderNumber { get; init; }

    public string? TradeNo { get; init; }

    /// <summary>e.g. ACQ.TRADE_NOT_EXIST, ACQ.TRADE_STATUS_ERROR (already paid).</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}
