using Qunfa.Aliyun.Manage;

namespace Qunfa.Aliyun.Notifications;

/// <summary>SignSmsReport: the review result of a signature.</summary>
public sealed record SignReviewReport(
    string SignName,
    ReviewStatus Status,
    string? SignSource,
    string? SignScene,
    string? Remark,
    DateTimeOffset? CreateDate,
    string? OrderId);

/// <summary>TemplateSmsReport: the review result of a template.</summary>
public sealed record TemplateReviewReport(
    string TemplateCode,
    string? TemplateName,
    string? TemplateContent,
    string? TemplateType,
    ReviewStatus Status,
    string? Remark,
    DateTimeOffset? CreateDate,
    string? OrderId);
