using System.Text.Json.Nodes;
using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Sms;

internal static class SendSmsAction
{
    public const int MaxNumbers = 1000;

    public static readonly RpcAction Definition = new("SendSms", ["PhoneNumbers", "SignName", "TemplateCode"], Handle);

    private static RpcResult Handle(RpcCall call)
    {
        var account = call.Account;
        var raw = call.Req("PhoneNumbers").Split(',');
        if (raw.Length > MaxNumbers)
        {
            return RpcResult.Business("isv.MOBILE_COUNT_OVER_LIMIT", $"手机号码数量超过限制:{MaxNumbers}");
        }
        var signName = call.Req("SignName");
        if (SendChecks.Sign(account, signName, out var sign) is { } badSign)
        {
            return badSign;
        }
        if (SendChecks.Template(account, call.Req("TemplateCode"), out var template) is { } badTemplate)
        {
            return badTemplate;
        }
        if (SendChecks.Scene(sign, template) is { } badScene)
        {
            return badScene;
        }
        if (SendChecks.Render(template, call.Get("TemplateParam"), out var rendered) is { } badParam)
        {
            return badParam;
        }
        var numbers = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            if (SendChecks.Number(raw[i], template, out numbers[i]) is { } bad)
            {
                return bad;
            }
        }
        if (template.Type == 0 && call.State.Options.VerificationFlowControl
            && account.VerificationLimits.TryAcquire(signName, numbers, call.Now) is { } limited)
        {
            return limited;
        }
        var batch = new SmsBatch
        {
            BizId = call.State.NewBizId(),
            Numbers = numbers,
            SignNames = [signName],
            Contents = [TemplateText.WithSignature(signName, rendered)],
            TemplateCode = template.Code,
            TemplateType = template.Type,
            International = template.Type == 3,
            OutId = call.Get("OutId"),
            SendTime = call.Now,
            Rules = call.State.FailureRules,
        };
        call.State.Dispatcher.Accept(account, batch);
        return RpcResult.Ok(new JsonObject { ["BizId"] = batch.BizId });
    }
}
