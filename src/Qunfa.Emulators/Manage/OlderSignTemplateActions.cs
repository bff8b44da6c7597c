using System.Globalization;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Rpc;
using Qunfa.Emulators.Sms;

namespace Qunfa.Emulators.Manage;

/// <summary>
/// QuerySmsSign and AddSmsTemplate, from the older API that the official SDK still ships: they see the same
/// signatures and templates as the current API, and an added template goes through the same review.
/// </summary>
internal static class OlderSignTemplateActions
{
    public static IEnumerable<RpcAction> All =>
    [
        new("QuerySmsSign", ["SignName"], QuerySmsSign),
        new("AddSmsTemplate", ["TemplateType", "TemplateName", "TemplateContent", "Remark"], AddSmsTemplate),
    ];

    private static RpcResult QuerySmsSign(RpcCall call)
    {
        var name = call.Req("SignName");
        if (!call.Account.Signs.TryGetValue(name, out var sign))
        {
            return SignActions.NotFound(name);
        }
        lock (sign)
        {
            return RpcResult.Ok(new JsonObject
            {
                ["SignName"] = sign.Name,
                ["SignStatus"] = (int)sign.Status,
                ["Reason"] = sign.RejectReason,
                ["CreateDate"] = ChinaTime.Format(sign.CreateDate),
            });
        }
    }

    private static RpcResult AddSmsTemplate(RpcCall call)
    {
        if (!call.TryGetInt("TemplateType", out var type) || type is < 0 or > 3)
        {
            return RpcResult.InvalidParameter("TemplateType 取值 0~3");
        }
        var name = call.Req("TemplateName");
        var content = call.Req("TemplateContent");
        var remark = call.Req("Remark");
        if (name.Length > 30 || content.Length > 500 || remark.Length > 100)
        {
            return RpcResult.InvalidParameter("TemplateName 不超过30个字符，TemplateContent 不超过500个字符，Remark 不超过100个字符");
        }
        var template = new TemplateRecord
        {
            Code = call.State.NewTemplateCode(),
            OrderId = Ids.OrderId(),
            CreateDate = call.Now,
            Name = name,
            Content = content,
            Type = type,
            Remark = remark,
            Variables = TemplateText.Variables(content),
            Status = ReviewStatus.Reviewing,
        };
        call.Account.Templates[template.Code] = template;
        call.State.Reviews.Template(call.Account, template);
        return RpcResult.Ok(new JsonObject { ["TemplateCode"] = template.Code });
    }
}
