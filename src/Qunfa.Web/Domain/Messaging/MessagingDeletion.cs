namespace Qunfa.Web.Domain.Messaging;

/// <summary>A signature or template a customer deleted, kept for 首页's 短信签名通知 / 短信模板通知 (the row itself is gone).</summary>
public sealed class MessagingDeletion
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public bool IsTemplate { get; set; }
    public string Name { get; set; } = "";
    public string? TemplateCode { get; set; }
    public DateTimeOffset At { get; set; }
}
