namespace Qunfa.Web.Domain.Replies;

/// <summary>退订名单: a number that no longer gets this customer's promotions.</summary>
public sealed class OptOut
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public string Phone { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The reply that asked for it; null when the customer added the number by hand.</summary>
    public long? SourceReplyId { get; set; }
}
