namespace Qunfa.Web.Domain.Sending;

/// <summary>发送状态 of one recipient; every change is a conditional update on the current state.</summary>
public enum RecipientStatus
{
    /// <summary>待发送.</summary>
    Queued,
    /// <summary>Claimed by a dispatcher; the carrier may or may not have it (resolved before any resend).</summary>
    Submitting,
    /// <summary>已提交: the carrier accepted it (BizId known).</summary>
    Submitted,
    /// <summary>发送成功.</summary>
    Delivered,
    /// <summary>发送失败.</summary>
    Failed,
    /// <summary>未知: no receipt and nothing at the carrier long after submission (still billed, never resent).</summary>
    Unknown,
    /// <summary>已取消: its scheduled task was cancelled before it was due; refunded, never sent.</summary>
    Cancelled,
}

/// <summary>发送详情: one recipient of a task, with the grant that paid for it.</summary>
public sealed class SendRecord
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public int CustomerId { get; set; }
    public string Phone { get; set; } = "";
    /// <summary>This recipient's own template values, JSON, when the task has them.</summary>
    public string? Variables { get; set; }
    public int Segments { get; set; }
    public int GrantId { get; set; }
    public RecipientStatus Status { get; set; }
    public string? Code { get; set; }
    public string? Description { get; set; }
    public string? BizId { get; set; }
    /// <summary>The dispatcher claim this record went out with; sent as the carrier call's OutId.</summary>
    public string? ClaimId { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ReportedAt { get; set; }
    public bool Refunded { get; set; }
}
