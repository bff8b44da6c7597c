namespace Qunfa.Aliyun.Sms;

/// <summary>One template message to up to 1000 numbers.</summary>
public sealed record SendSmsRequest(
    IReadOnlyList<string> PhoneNumbers,
    string SignName,
    string TemplateCode,
    IReadOnlyDictionary<string, string>? TemplateParam = null,
    string? OutId = null,
    string? SmsUpExtendCode = null)
{
    public const int MaxPhoneNumbers = 1000;
}
