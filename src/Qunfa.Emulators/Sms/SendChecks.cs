using Qunfa.Emulators.Manage;
using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Sms;

internal static class SendChecks
{
    public static RpcResult? Sign(AccountState account, string name, out SignRecord sign)
    {
        if (!account.Signs.TryGetValue(name, out sign!))
        {
            return RpcResult.Business("isv.SMS_SIGNATURE_ILLEGAL", $"该账号下找不到对应签名:{name}");
        }
        if (sign.Status != ReviewStatus.Approved)
        {
            return RpcResult.Business("isv.SIGN_STATE_ILLEGAL", $"签名{name}未审核通过或已被禁用");
        }
        return null;
    }

    public static RpcResult? Template(AccountState account, string code, out TemplateRecord template)
    {
        if (!account.Templates.TryGetValue(code, out template!))
        {
            return RpcResult.Business("isv.SMS_TEMPLATE_ILLEGAL", $"该账号下找不到对应模板:{code}");
        }
        if (template.Status != ReviewStatus.Approved)
        {
            return RpcResult.Business("isv.SMS_TEMPLATE_ILLEGAL", $"模板{code}未审核通过");
        }
        return null;
    }

    public static RpcResult? Scene(SignRecord sign, TemplateRecord template) =>
        sign.SignType == 0 && template.Type != 0
            ? RpcResult.Business("isv.SMS_SIGNATURE_SCENE_ILLEGAL", "短信所使用签名场景非法")
            : null;

    public static RpcResult? Render(TemplateRecord template, string? templateParam, out string rendered)
    {
        rendered = "";
        if (!TemplateText.TryParseParameters(templateParam, out var values))
        {
            return RpcResult.Business("isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
        }
        foreach (var variable in template.Variables)
        {
            if (!values.ContainsKey(variable))
            {
                return RpcResult.Business("isv.TEMPLATE_MISSING_PARAMETERS", $"模版缺少变量:{variable}");
            }
        }
        rendered = TemplateText.Render(template.Content, values);
        return null;
    }

    public static RpcResult? Number(ReadOnlySpan<char> raw, TemplateRecord template, out ReadOnlySpan<char> normalized)
    {
        var kind = PhoneNumbers.Normalize(raw, out normalized);
        return kind switch
        {
            NumberKind.Illegal => RpcResult.Business("isv.MOBILE_NUMBER_ILLEGAL", $"非法手机号:{raw}"),
            NumberKind.Mainland when template.Type == 3 => RpcResult.Business("isv.DOMESTIC_NUMBER_NOT_SUPPORTED", "国际/港澳台消息模板不支持发送境内号码"),
            NumberKind.International when template.Type != 3 => RpcResult.Business("isv.MOBILE_NUMBER_ILLEGAL", $"非法手机号:{raw}"),
            _ => null,
        };
    }
}
