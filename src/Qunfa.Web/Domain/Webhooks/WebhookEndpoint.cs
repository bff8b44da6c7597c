namespace Qunfa.Web.Domain.Webhooks;

/// <summary>回调设置 of one customer, with how far its events have been put into deliveries.</summary>
public sealed class WebhookEndpoint
{
    public int CustomerId { get; set; }
    public string Url { get; set; } = "";
    public string ProtectedSecret { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>(ReportedAt, Id) of the last send record put into a delivery.</summary>
    public DateTimeOffset ReportCursorAt { get; set; }
    public long ReportCursorId { get; set; }
    /// <summary>(ReceivedAt, Id) of the last reply put into a delivery.</summary>
    public DateTimeOffset ReplyCursorAt { get; set; }
    public long ReplyCursorId { get; set; }
}
