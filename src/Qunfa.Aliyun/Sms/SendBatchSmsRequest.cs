namespace Qunfa.Aliyun.Sms;

/// <summary>Up to 100 recipients, each with its own signature and variables, one template.</summary>
public sealed record SendBatchSmsRequest(
    IReadOnlyList<BatchSmsRecipient> Recipients,
    string TemplateCode,
    string? OutId = null)
{
    public const int MaxRecipients = 100;
}

public sealed record BatchSmsRecipient(
    string PhoneNumber,
    string SignName,
    IReadOnlyDictionary<string, string>? TemplateParam = null,
    string? SmsUpExtendCode = null);
