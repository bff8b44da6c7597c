using Qunfa.Web.Domain.Messaging;

namespace Qunfa.Web.Features.Messaging.Templates;

/// <summary>A template application (申请模板), or the edit of a rejected one.</summary>
public sealed class TemplateInput
{
    public string? Name { get; set; }
    public TemplateType Type { get; set; } = TemplateType.Notification;
    public string? Content { get; set; }
    /// <summary>申请说明: the scenario and a full example message.</summary>
    public string? Remark { get; set; }
    public string? RelatedSignName { get; set; }

    public static TemplateInput From(Template t) =>
        new() { Name = t.Name, Type = t.Type, Content = t.Content, Remark = t.Remark, RelatedSignName = t.RelatedSignName };
}
