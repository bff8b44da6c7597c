namespace Qunfa.Web.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    /// <summary>Given up on after the retry window.</summary>
    Failed,
}

/// <summary>One POST to a customer's callback URL: its body is fixed when written, so a retry sends the same events.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public string Url { get; set; } = "";
    public string Payload { get; set; } = "";
    public int EventCount { get; set; }
    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
}
