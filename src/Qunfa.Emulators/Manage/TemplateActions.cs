using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Rpc;
using Qunfa.Emulators.Sms;

namespace Qunfa.Emulators.Manage;

internal static class TemplateActions
{
    public static IEnumerable<RpcAction> All =>
    [
        new("CreateSmsTemplate", ["TemplateName", "TemplateContent", "TemplateType"], Create),
        new("UpdateSmsTemplate", ["TemplateCode", "TemplateName", "TemplateContent", "TemplateType"], Update),
        new("GetSmsTemplate", ["TemplateCode"], Get),
        new("DeleteSmsTemplate", ["TemplateCode"], Delete),
        new("QuerySmsTemplateList", [], List),
    ];

    private static RpcResult Create(RpcCall call)
    {
        var template = new TemplateRecord
        {
            Code = call.State.NewTemplateCode(),
            OrderId = Ids.OrderId(),
            CreateDate = call.Now,
            Name = "",
            Content = "",
            Status = ReviewStatus.Reviewing,
        };
        if (Apply(call, template) is { } invalid)
        {
            return invalid;
        }
        call.Account.Templates[template.Code] = template;
        call.State.Reviews.Template(call.Account, template);
        return RpcResult.Ok(new JsonObject { ["TemplateCode"] = template.Code, ["TemplateName"] = template.Name, ["OrderId"] = template.OrderId });
    }

    private static RpcResult Update(RpcCall call)
    {
        var code = call.Req("TemplateCode");
        if (!call.Account.Templates.TryGetValue(code, out var template))
        {
            return NotFound(code);
        }
        lock (template)
        {
            if (template.Status != ReviewStatus.Rejected)
            {
                return RpcResult.Business("isv.SMS_TEMPLATE_ILLEGAL", "只有审核未通过的模板可以修改");
            }
            if (Apply(call, template) is { } invalid)
            {
                return invalid;
            }
            template.Status = ReviewStatus.Reviewing;
            template.RejectReason = "";
            template.OrderId = Ids.OrderId();
        }
        call.State.Reviews.Template(call.Account, template);
        return RpcResult.Ok(new JsonObject { ["TemplateCode"] = code, ["TemplateName"] = template.Name, ["OrderId"] = template.OrderId });
    }

    private static RpcResult Get(RpcCall call)
    {
        var code = call.Req("TemplateCode");
        if (!call.Account.Templates.TryGetValue(code, out var t))
        {
            return NotFound(code);
        }
        lock (t)
        {
            return RpcResult.Ok(new JsonObject
            {
                ["TemplateCode"] = t.Code,
                ["TemplateName"] = t.Name,
                ["TemplateContent"] = t.Content,
                ["TemplateType"] = t.Type.ToString(CultureInfo.InvariantCulture),
                ["TemplateStatus"] = ((int)t.Status).ToString(CultureInfo.InvariantCulture),
                ["AuditInfo"] = new JsonObject
                {
                    ["AuditDate"] = t.AuditDate is { } d ? ChinaTime.Format(d) : "",
                    ["RejectInfo"] = t.RejectReason,
                },
                ["RelatedSignName"] = t.RelatedSignName,
                ["VariableAttribute"] = t.TemplateRule,
                ["CreateDate"] = ChinaTime.Format(t.CreateDate),
                ["OrderId"] = t.OrderId,
                ["Remark"] = t.Remark,
            });
        }
    }

    private static RpcResult Delete(RpcCall call)
    {
        var code = call.Req("TemplateCode");
        if (!call.Account.Templates.TryGetValue(code, out var t))
        {
            return NotFound(code);
        }
        if (t.Status == ReviewStatus.Reviewing)
        {
            return RpcResult.Business("isv.SMS_TEMPLATE_ILLEGAL", "审核中的模板不可删除");
        }
        call.Account.Templates.TryRemove(code, out _);
        return RpcResult.Ok(new JsonObject { ["TemplateCode"] = code });
    }

    private static RpcResult List(RpcCall call)
    {
        if (Paging.Read(call, "PageIndex", out var page, out var size) is { } bad)
        {
            return bad;
        }
        var all = call.Account.Templates.Values.OrderByDescending(t => t.CreateDate).ToList();
        var list = new JsonArray();
        foreach (var t in all.Skip((page - 1) * size).Take(size))
        {
            list.Add(new JsonObject
            {
                ["TemplateCode"] = t.Code,
                ["TemplateName"] = t.Name,
                ["TemplateContent"] = t.Content,
                ["AuditStatus"] = ReviewStatusText.ListAuditStatus(t.Status, template: true),
                ["Reason"] = new JsonObject
                {
                    ["RejectDate"] = t.Status == ReviewStatus.Rejected && t.AuditDate is { } d ? ChinaTime.Format(d) : "",
                    ["RejectInfo"] = t.RejectReason,
                    ["RejectSubInfo"] = "",
                },
                ["CreateDate"] = ChinaTime.Format(t.CreateDate),
                ["OrderId"] = t.OrderId,
                ["SignatureName"] = t.RelatedSignName,
                ["TemplateType"] = t.ListTemplateType,
                ["OuterTemplateType"] = t.Type,
            });
        }
        return RpcResult.Ok(new JsonObject
        {
            ["SmsTemplateList"] = list,
            ["TotalCount"] = all.Count,
            ["CurrentPage"] = page,
            ["PageSize"] = size,
        });
    }

    private static RpcResult? Apply(RpcCall call, TemplateRecord t)
    {
        var name = call.Req("TemplateName");
        var content = call.Req("TemplateContent");
        if (name.Length > 30)
        {
            return RpcResult.InvalidParameter("TemplateName 不超过30个字符");
        }
        if (content.Length > 500)
        {
            return RpcResult.InvalidParameter("TemplateContent 不超过500个字符");
        }
        if (!call.TryGetInt("TemplateType", out var type) || type is < 0 or > 3)
        {
            return RpcResult.InvalidParameter("TemplateType 取值 0~3");
        }
        var related = call.Get("RelatedSignName") ?? "";
        if (type <= 2)
        {
            if (related.Length == 0)
            {
                return RpcResult.Missing("RelatedSignName");
            }
            if (!call.Account.Signs.TryGetValue(related, out var sign) || sign.Status != ReviewStatus.Approved)
            {
                return RpcResult.InvalidParameter($"关联签名不存在或未审核通过:{related}");
            }
        }
        var variables = TemplateText.Variables(content);
        var rule = call.Get("TemplateRule") ?? "";
        if (variables.Length > 0)
        {
            if (rule.Length == 0)
            {
                return RpcResult.Missing("TemplateRule");
            }
            if (!TryRuleKeys(rule, out var keys))
            {
                return RpcResult.Business("isv.INVALID_JSON_PARAM", "TemplateRule 必须是JSON对象");
            }
            if (variables.FirstOrDefault(v => !keys.Contains(v)) is { } missing)
            {
                return RpcResult.InvalidParameter($"TemplateRule 缺少变量 {missing} 的规则");
            }
        }
        var remark = call.Get("Remark") ?? "";
        if (remark.Length > 100)
        {
            return RpcResult.InvalidParameter("Remark 不超过100个字符");
        }
        t.Name = name;
        t.Content = content;
        t.Type = type;
        t.RelatedSignName = related;
        t.TemplateRule = rule;
        t.Remark = remark;
        t.Variables = variables;
        return null;
    }

    private static bool TryRuleKeys(string json, out HashSet<string> keys)
    {
        keys = [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            keys = doc.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static RpcResult NotFound(string code) => RpcResult.Business("isv.SMS_TEMPLATE_ILLEGAL", $"模板不存在:{code}");
}
