using Qunfa.Aliyun.Errors;

namespace Qunfa.Aliyun.Sms;

/// <summary>Result of a SendSms / SendBatchSms submission. Never thrown: inspect <see cref="Outcome"/>.</summary>
public sealed record SubmitResult(AliyunOutcome Outcome, string? BizId, string? RequestId, string? Code, string? Message)
{
    public bool IsAccepted => Outcome == AliyunOutcome.Ok;

    /// <summary>True when the submission may have been accepted although no answer arrived: look for the receipt (QuerySendDetails / SmsReport) before resending.</summary>
    public bool IsAmbiguous => Outcome == AliyunOutcome.Ambiguous;
}
