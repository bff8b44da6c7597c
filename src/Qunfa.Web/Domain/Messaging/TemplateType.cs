namespace Qunfa.Web.Domain.Messaging;

/// <summary>模板类型; decides the billing category of a send (SPEC §2).</summary>
public enum TemplateType
{
    VerificationCode,
    Notification,
    Promotion,
    International,
}
