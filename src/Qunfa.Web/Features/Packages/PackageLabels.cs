using Qunfa.Web.Domain.Packages;

namespace Qunfa.Web.Features.Packages;

/// <summary>How packages and grants are named on screen (resource keys, the manual's Chinese).</summary>
public static class PackageLabels
{
    /// <summary>The categories in the order every page lists them.</summary>
    public static readonly SmsCategory[] Categories = [SmsCategory.General, SmsCategory.Notification, SmsCategory.Promotion, SmsCategory.VerificationCode];

    public static readonly GrantStatus[] Statuses = [GrantStatus.Active, GrantStatus.Invalid, GrantStatus.Frozen];

    public static string Category(SmsCategory category) => category switch
    {
        SmsCategory.General => "通用类",
        SmsCategory.Notification => "通知类",
        SmsCategory.Promotion => "推广类",
        SmsCategory.VerificationCode => "验证码",
        _ => category.ToString(),
    };

    public static string Status(GrantStatus status) => status switch
    {
        GrantStatus.Active => "正常",
        GrantStatus.Invalid => "失效",
        GrantStatus.Frozen => "冻结",
        _ => status.ToString(),
    };

    /// <summary>The status as shown: an Active grant past its expiry date is 已过期.</summary>
    public static string Status(GrantStatus status, DateOnly expiresOn, DateOnly today) =>
        status == GrantStatus.Active && today > expiresOn ? "已过期" : Status(status);

    public static string StatusClass(GrantStatus status, DateOnly expiresOn, DateOnly today) =>
        status != GrantStatus.Active ? "text-danger" : today > expiresOn ? "text-secondary" : "text-success";

    public static string Source(GrantSource source) => source == GrantSource.Purchased ? "购买" : "管理员分配";

    public static string YesNo(bool value) => value ? "是" : "否";
}
