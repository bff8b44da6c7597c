using System.Text.Json;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Sms;

internal static class SendBatchSmsAction
{
    public const int MaxNumbers = 100;

    public static readonly RpcAction Definition = new("SendBatchSms", ["PhoneNumberJson", "SignNameJson", "TemplateCode"], Handle);

    private static RpcResult Handle(RpcCall call)
    {
        var account = call.Account;
        if (!TryStringArray(call.Req("PhoneNumberJson"), out var rawNumbers) || !TryStringArray(call.Req("SignNameJson"), out var signNames))
        {
            return RpcResult.Business("isv.INVALID_JSON_PARAM", "PhoneNumberJson/SignNameJson 必须是字符串JSON数组");
        }
        if (rawNumbers.Length > MaxNumbers)
        {
            return RpcResult.Business("isv.MOBILE_COUNT_OVER_LIMIT", $"手机号码数量超过限制:{MaxNumbers}");
        }
        if (rawNumbers.Length == 0 || signNames.Length != rawNumbers.Length)
        {
            return RpcResult.InvalidParameter("PhoneNumberJson 与 SignNameJson 数量必须一致且不为空");
        }
        string?[] paramJson = new string?[rawNumbers.Length];
        if (call.Get("TemplateParamJson") is { Length: > 0 } tpj)
        {
            if (!TryObjectArray(tpj, out var objects) || objects.Length != rawNumbers.Length)
            {
                return RpcResult.Business("isv.INVALID_JSON_PARAM", "TemplateParamJson 必须是与号码数量一致的JSON对象数组");
            }
            paramJson = objects;
        }
        if (SendChecks.Template(account, call.Req("TemplateCode"), out var template) is { } badTemplate)
        {
            return badTemplate;
        }
        var builder = new PhoneList.Builder(rawNumbers.Length, rawNumbers.Sum(n => n.Length));
        var contents = new string[rawNumbers.Length];
        for (var i = 0; i < rawNumbers.Length; i++)
        {
            if (SendChecks.Sign(account, signNames[i], out var sign) is { } badSign)
            {
                return badSign;
            }
            if (SendChecks.Scene(sign, template) is { } badScene)
            {
                return badScene;
            }
            if (SendChecks.Render(template, paramJson[i], out var rendered) is { } badParam)
            {
                return badParam;
            }
            if (SendChecks.Number(rawNumbers[i], template, out var number) is { } badNumber)
            {
                return badNumber;
            }
            builder.Add(number);
            contents[i] = TemplateText.WithSignature(signNames[i], rendered);
        }
        var numbers = builder.Build();
        if (template.Type == 0 && call.State.Options.VerificationFlowControl)
        {
            foreach (var group in Enumerable.Range(0, numbers.Count).GroupBy(i => signNames[i]))
            {
                if (account.VerificationLimits.TryAcquire(group.Key, group.Select(numbers.GetString).ToArray(), call.Now) is { } limited)
                {
                    return limited;
                }
            }
        }
        var batch = new SmsBatch
        {
            BizId = call.State.NewBizId(),
            Numbers = numbers,
            SignNames = signNames,
            Contents = contents,
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

    private static bool TryStringArray(string json, out string[] values)
    {
        values = [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                return false;
            }
            values = doc.RootElement.EnumerateArray().Select(e => e.GetString()!).ToArray();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryObjectArray(string json, out string?[] objects)
    {
        objects = [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return false;
            }
            objects = doc.RootElement.EnumerateArray().Select(e => (string?)e.GetRawText()).ToArray();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
