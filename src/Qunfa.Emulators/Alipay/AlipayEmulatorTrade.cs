namespace Qunfa.Emulators.Alipay;

public enum AlipayEmulatorProtocol
{
    Md5,
    Rsa2,
}

/// <summary>One trade as the emulator's Alipay sees it. Mutated only under the state's lock.</summary>
public sealed class AlipayEmulatorTrade
{
    public required AlipayEmulatorMerchant Merchant { get; init; }

    public required AlipayEmulatorProtocol Protocol { get; init; }

    public required string OutTradeNo { get; init; }

    public required string TradeNo { get; init; }

    public required string Subject { get; init; }

    public string? Body { get; init; }

    public required long TotalFen { get; init; }

    public Uri? NotifyUrl { get; set; }

    public Uri? ReturnUrl { get; set; }

    public string? Passback { get; set; }

    public string Status { get; internal set; } = "WAIT_BUYER_PAY";

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? PaidAt { get; internal set; }

    public DateTimeOffset? ClosedAt { get; internal set; }

    /// <summary>The last notification sent (as posted), for replays.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? LastNotification { get; internal set; }
}
