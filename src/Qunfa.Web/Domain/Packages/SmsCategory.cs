namespace Qunfa.Web.Domain.Packages;

/// <summary>短信类型 / 短信包类型 (SPEC §2).</summary>
public enum SmsCategory
{
    /// <summary>通用类: pays for any send once the send's own category is used up.</summary>
    General,
    Notification,
    Promotion,
    VerificationCode,
}
