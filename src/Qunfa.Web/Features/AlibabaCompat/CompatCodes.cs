using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.Web.Features.AlibabaCompat;

/// <summary>Alibaba's business error codes (HTTP 200) with the messages its SDK users know.</summary>
public static class CompatCodes
{
    public static CompatResult SignatureIllegal => CompatResult.Business("isv.SMS_SIGNATURE_ILLEGAL", "该账号下找不到对应签名");
    public static CompatResult TemplateIllegal => CompatResult.Business("isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板");
    public static CompatResult SceneIllegal => CompatResult.Business("isv.SMS_SIGNATURE_SCENE_ILLEGAL", "短信所使用签名场景非法");
    public static CompatResult MobileIllegal => CompatResult.Business("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
    public static CompatResult DomesticNotSupported => CompatResult.Business("isv.DOMESTIC_NUMBER_NOT_SUPPORTED", "国际/港澳台消息模板不支持发送境内号码");
    public static CompatResult MobileCountOverLimit => CompatResult.Business("isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制");
    public static CompatResult MissingParameters => CompatResult.Business("isv.TEMPLATE_MISSING_PARAMETERS", "模板变量缺少对应参数值");
    public static CompatResult InvalidJson => CompatResult.Business("isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
    public static CompatResult ParamTooLong => CompatResult.Business("isv.PARAM_LENGTH_LIMIT", "参数超出长度限制");
    public static CompatResult AmountNotEnough => CompatResult.Business("isv.AMOUNT_NOT_ENOUGH", "账户余额不足");
    public static CompatResult AccountAbnormal => CompatResult.Business("isv.ACCOUNT_ABNORMAL", "账户异常");

    public static CompatResult InvalidParameters(string message) => CompatResult.Business("isv.INVALID_PARAMETERS", message);

    /// <summary>The code for a refusal of <see cref="SendAcceptance"/>, by its message.</summary>
    public static CompatResult FromRefusal(string message) => message switch
    {
        SendMessages.Frozen => AccountAbnormal,
        SendMessages.SignatureNotUsable => SignatureIllegal,
        SendMessages.TemplateNotUsable => TemplateIllegal,
        SendMessages.SceneMismatch => SceneIllegal,
        SendMessages.MissingVariables => MissingParameters,
        SendMessages.TooLong => ParamTooLong,
        SendMessages.BalanceTooLow => AmountNotEnough,
        RecipientMessages.MainlandOnInternational => DomesticNotSupported,
        _ => InvalidParameters(message),
    };
}
