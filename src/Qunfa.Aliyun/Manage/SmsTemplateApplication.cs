namespace Qunfa.Aliyun.Manage;

/// <summary>The 0–3 numbering used by CreateSmsTemplate and GetSmsTemplate (OuterTemplateType in lists).</summary>
public enum SmsTemplateType
{
    VerificationCode = 0,
    Notification = 1,
    Promotion = 2,
    International = 3,
    Digital = 7,
    Unknown = -1,
}

/// <summary>Parameters of CreateSmsTemplate / UpdateSmsTemplate.</summary>
public sealed record SmsTemplateApplication(string TemplateName, string TemplateContent, SmsTemplateType TemplateType)
{
    public const int MaxNameLength = 30;
    public const int MaxContentLength = 500;

    /// <summary>Required for types 0–2.</summary>
    public string? RelatedSignName { get; init; }

    /// <summary>JSON of variable rules, e.g. {"code":"characterWithNumber"}; required when the content has variables.</summary>
    public string? TemplateRule { get; init; }

    public string? Remark { get; init; }

    public IReadOnlyList<string>? MoreData { get; init; }

    public int? IntlType { get; init; }

    /// <summary>JSON array describing links / phone numbers in the content.</summary>
    public string? TrafficDriving { get; init; }
}

public sealed record SmsTemplateApplicationResult(string TemplateCode, string? TemplateName, string? OrderId, string? RequestId);
