namespace Qunfa.Aliyun.Manage;

/// <summary>GetSmsTemplate answer.</summary>
public sealed record SmsTemplate(
    string TemplateCode,
    string? TemplateName,
    string? TemplateContent,
    SmsTemplateType TemplateType,
    ReviewStatus Status,
    string? RelatedSignName,
    string? VariableAttribute,
    DateTimeOffset? CreateDate,
    string? OrderId);

/// <summary>QuerySmsTemplateList row.</summary>
public sealed record SmsTemplateSummary(
    string TemplateCode,
    string? TemplateName,
    string? TemplateContent,
    SmsTemplateType TemplateType,
    ReviewStatus Status,
    string? SignatureName,
    DateTimeOffset? CreateDate,
    string? OrderId);
