namespace Qunfa.Web.Features.Sending;

/// <summary>Why a send is refused whole (resource keys).</summary>
public static class SendMessages
{
    public const string Frozen = "您的账号已被冻结，不能发送短信，请联系平台管理员";
    public const string SignatureNotUsable = "请选择您已审批通过的签名";
    public const string TemplateNotUsable = "请选择您已审批通过的模板";
    public const string SceneMismatch = "验证码签名只能发送验证码模板";
    public const string MissingVariables = "请填写模板变量";
    public const string TooLong = "短信内容不能超过500个字符";
    public const string NoRecipients = "没有可发送的有效号码";
    public const string BalanceTooLow = "短信余量不足，请购买短信包后再发送";
    public const string ScheduleOutOfRange = "定时发送时间须在当前时间之后30天以内";
}
