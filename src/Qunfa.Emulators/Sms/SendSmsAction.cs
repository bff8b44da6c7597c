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
        var raw = call.Req("PhoneNumbers");
        var count = raw.AsSpan().Count(',') + 1;
        if (count > MaxNumbers)
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
        var builder = new PhoneList.Builder(count, raw.Length);
        foreach (var range in raw.AsSpan().Split(','))
        {
            if (SendChecks.Number(raw.AsSpan(range), template, out var number) is { } bad)
            {
                return bad;
            }
            builder.Add(number);
        }
        var numbers = builder.Build();
        if (template.Type == 0 && call.State.Options.VerificationFlowControl
            && account.VerificationLimits.TryAcquire(signName, numbers.ToStrings(), call.Now) is { } limited)
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
