using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.Web.Domain.Sending;

public enum SendTaskStatus
{
    Queued,
    Completed,
    Cancelled,
}

/// <summary>任务: one send action of a customer — one signature and template to many numbers.</summary>
public sealed class SendTask
{
    public const int MaxSourceFileNameLength = 200;

    public long Id { get; set; }
    public int CustomerId { get; set; }
    /// <summary>The 子账号 that sent the task (console or its API key), null for the owner.</summary>
    public int? MemberId { get; set; }
    public string SignName { get; set; } = "";
    public int? TemplateId { get; set; }
    public string TemplateCode { get; set; } = "";
    public string TemplateName { get; set; } = "";
    public TemplateType TemplateType { get; set; }
    /// <summary>The billing category, from the template type (SPEC §2).</summary>
    public SmsCategory Category { get; set; }
    public string TemplateContent { get; set; } = "";
    /// <summary>Values for every recipient, JSON; per-recipient values live on the records.</summary>
    public string? CommonVariables { get; set; }
    public bool PerRecipientVariables { get; set; }
    public int NumberCount { get; set; }
    public int InvalidCount { get; set; }
    public int DuplicateCount { get; set; }
    public long BilledSegments { get; set; }
    public int DeliveredCount { get; set; }
    public int FailedCount { get; set; }
    public SendTaskStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>发送类型; null on tasks accepted before it was recorded.</summary>
    public SendSource? Source { get; set; }
    /// <summary>The uploaded list's file name when <see cref="Source"/> is <see cref="SendSource.File"/>.</summary>
    public string? SourceFileName { get; set; }
}
