namespace Qunfa.Alipay.Common;

/// <summary>A notification or return whose signature checked out. Seller and amount are still the caller's to check.</summary>
public sealed record PaymentNotification
{
    public required AlipayProtocol Protocol { get; init; }

    public required string OrderNumber { get; init; }

    public required string TradeNo { get; init; }

    public required long TotalFen { get; init; }

    public required AlipayTradeStatus Status { get; init; }

    /// <summary>seller_id: the receiving Alipay account (2088…), equal to the partner id in the MD5 protocol.</summary>
    public string? SellerId { get; init; }

    /// <summary>Open platform only.</summary>
    public string? AppId { get; init; }

    /// <summary>Same across Alipay's retries of one notification: the idempotency key.</summary>
    public string? NotifyId { get; init; }

    public DateTimeOffset? NotifyTime { get; init; }

    public DateTimeOffset? PaidAt { get; init; }

    public string? BuyerId { get; init; }

    public string? Passback { get; init; }

    /// <summary>False for the browser return (is_success / *.return), true for the server notification.</summary>
    public bool IsAsyncNotification { get; init; }

    public required IReadOnlyDictionary<string, string> RawParameters { get; init; }

    public bool IsPaid => Status.IsPaid();
}
