using Qunfa.Aliyun.Manage;
using Qunfa.Web.Domain.Messaging;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Features.Messaging;

/// <summary>The carrier's review states in the platform's four (SPEC §2); a cancelled review counts as not passed.</summary>
public static class ReviewStatusMap
{
    public static ReviewStatus From(ReviewState state) => state switch
    {
        ReviewState.Approved => ReviewStatus.Approved,
        ReviewState.Rejected or ReviewState.Cancelled => ReviewStatus.Rejected,
        ReviewState.Pending => ReviewStatus.Pending,
        _ => ReviewStatus.UnderReview,
    };

    public static string Label(ReviewStatus status) => status switch
    {
        ReviewStatus.Pending => "待审批",
        ReviewStatus.UnderReview => "审批中",
        ReviewStatus.Approved => "审批通过",
        _ => "审批未通过",
    };

    public static string Label(SignatureType type) => type == SignatureType.VerificationCode ? "验证码" : "通用";

    /// <summary>QuerySmsSignList's BusinessType (验证码类型, 通用类型) as the platform's type; null for anything else.</summary>
    public static SignatureType? SignTypeFromCarrier(string? businessType) =>
        businessType is null ? null
        : businessType.Contains("验证码", StringComparison.Ordinal) ? SignatureType.VerificationCode
        : businessType.Contains("通用", StringComparison.Ordinal) ? SignatureType.General
        : null;

    public static string Label(TemplateType type) => type switch
    {
        TemplateType.VerificationCode => "验证码",
        TemplateType.Notification => "通知类",
        TemplateType.Promotion => "推广类",
        _ => "国际/港澳台消息",
    };

    public static SmsSignType ToCarrier(SignatureType type) =>
        type == SignatureType.VerificationCode ? SmsSignType.VerificationCode : SmsSignType.General;

    public static SmsTemplateType ToCarrier(TemplateType type) => type switch
    {
        TemplateType.VerificationCode => SmsTemplateType.VerificationCode,
        TemplateType.Notification => SmsTemplateType.Notification,
        TemplateType.Promotion => SmsTemplateType.Promotion,
        _ => SmsTemplateType.International,
    };

    public static TemplateType FromCarrier(SmsTemplateType type) => type switch
    {
        SmsTemplateType.VerificationCode => TemplateType.VerificationCode,
        SmsTemplateType.Promotion => TemplateType.Promotion,
        SmsTemplateType.International => TemplateType.International,
        _ => TemplateType.Notification,
    };

    /// <summary>When the review sync should ask again: soon at first, then less often, at most hourly.</summary>
    public static TimeSpan NextCheckAfter(int checksSoFar) =>
        TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, Math.Min(checksSoFar, 10))));
}
