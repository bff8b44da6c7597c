using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Rpc;

namespace Qunfa.Aliyun.Sms;

/// <summary>Validates send requests and flattens them into RPC parameters.</summary>
internal static class SendRequestFactory
{
    public static RpcRequest SendSms(SendSmsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var numbers = request.PhoneNumbers.Select(n => n?.Trim() ?? string.Empty).ToList();
        if (numbers.Count is 0 or > SendSmsRequest.MaxPhoneNumbers)
        {
            throw new ArgumentException($"SendSms takes 1 to {SendSmsRequest.MaxPhoneNumbers} phone numbers, got {numbers.Count}.", nameof(request));
        }

        foreach (var number in numbers)
        {
            ValidateNumber(number);
        }

        RequireText(request.SignName, nameof(request.SignName));
        RequireText(request.TemplateCode, nameof(request.TemplateCode));

        return new RpcRequest("SendSms")
            .Add("PhoneNumbers", string.Join(',', numbers))
            .Add("SignName", request.SignName)
            .Add("TemplateCode", request.TemplateCode)
            .Add("TemplateParam", JsonText.Object(request.TemplateParam))
            .Add("SmsUpExtendCode", request.SmsUpExtendCode)
            .Add("OutId", request.OutId);
    }

    public static RpcRequest SendBatchSms(SendBatchSmsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recipients = request.Recipients;
        if (recipients.Count is 0 or > SendBatchSmsRequest.MaxRecipients)
        {
            throw new ArgumentException($"SendBatchSms takes 1 to {SendBatchSmsRequest.MaxRecipients} recipients, got {recipients.Count}.", nameof(request));
        }

        foreach (var recipient in recipients)
        {
            ValidateNumber(recipient.PhoneNumber?.Trim() ?? string.Empty);
            RequireText(recipient.SignName, nameof(recipient.SignName));
        }

        RequireText(request.TemplateCode, nameof(request.TemplateCode));

        var anyParams = recipients.Any(r => r.TemplateParam is not null);
        var anyExtend = recipients.Any(r => r.SmsUpExtendCode is not null);
        return new RpcRequest("SendBatchSms")
            .Add("PhoneNumberJson", JsonText.ArrayOfStrings(recipients.Select(r => r.PhoneNumber.Trim())))
            .Add("SignNameJson", JsonText.ArrayOfStrings(recipients.Select(r => r.SignName)))
            .Add("TemplateCode", request.TemplateCode)
            .Add("TemplateParamJson", anyParams ? JsonText.ArrayOfObjects(recipients.Select(r => r.TemplateParam)) : null)
            .Add("SmsUpExtendCodeJson", anyExtend ? JsonText.ArrayOfStrings(recipients.Select(r => r.SmsUpExtendCode ?? string.Empty)) : null)
            .Add("OutId", request.OutId);
    }

    private static void ValidateNumber(string number)
    {
        if (number.Length == 0 || number.Contains(',') || !number.TrimStart('+').All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Invalid phone number '{number}': digits with an optional leading '+' expected.");
        }
    }

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
    }
}
