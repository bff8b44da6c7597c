namespace Qunfa.Web.Domain.Replies;

/// <summary>上行回复: a message a handset sent back (SmsUp). Kept even when it matches no customer.</summary>
public sealed class InboundReply
{
    public long Id { get; set; }
    public string Phone { get; set; } = "";
    public string Content { get; set; } = "";
    /// <summary>Only HTTP push carries it.</summary>
    public string? SignName { get; set; }
    public string? DestCode { get; set; }
    /// <summary>With <see cref="Phone"/>, what makes a repeated delivery of the same reply recognisable.</summary>
    public string SequenceId { get; set; } = "";
    /// <summary>When the handset sent it, as the carrier reports it.</summary>
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>When it was stored; the webhook cursor orders by it.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
    public int? CustomerId { get; set; }
    public long? TaskId { get; set; }
    public long? RecordId { get; set; }
    /// <summary>True when it put the number on the customer's 退订名单.</summary>
    public bool OptedOut { get; set; }
}
