namespace Qunfa.Alipay.Common;

/// <summary>What the platform asks the buyer to pay. Urls must not carry their own query string.</summary>
public sealed record PaymentRequest
{
    public required string OrderNumber { get; init; }

    public required string Subject { get; init; }

    public required long TotalFen { get; init; }

    public required Uri NotifyUrl { get; init; }

    public required Uri ReturnUrl { get; init; }

    public string? Body { get; init; }

    /// <summary>Unpaid trades close after this long (whole minutes on the wire, e.g. "90m").</summary>
    public TimeSpan? PayTimeout { get; init; }

    /// <summary>Echoed back in notifications (extra_common_param / passback_params).</summary>
    public string? Passback { get; init; }
}
