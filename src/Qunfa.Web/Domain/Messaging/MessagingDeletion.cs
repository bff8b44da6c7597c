namespace Qunfa.Web.Domain.Messaging;

/// <summary>A signature or template its customer or the admin (彻底删除) deleted, kept for 首页's 最新删除 (the row itself is gone).</summary>
public sealed class MessagingDeletion
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public bool IsTemplate { get; set; }
    public string Name { get; set; } = "";
    public string? TemplateCode { get; set; }
    public DateTimeOffset At { get; set; }
    public bool ByAdmin { get; set; }
}
