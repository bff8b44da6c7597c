using System.Globalization;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Manage;

internal static class QualificationActions
{
    private static readonly string[] SubmitRequired =
    [
        "QualificationName", "UseBySelf", "WhetherShare", "CompanyName", "CompanyType", "OrganizationCode",
        "BussinessLicenseExpDate", "LegalPersonName", "LegalPersonIDCardNo", "LegalPersonIDCardType",
        "LegalPersonIdCardEffTime", "AdminName", "AdminIDCardNo", "AdminIDCardType", "AdminIDCardExpDate",
        "AdminIDCardPic", "AdminIDCardFrontFace", "AdminPhoneNo", "CertifyCode",
    ];

    private static readonly string[] IdCardTypes = ["identityCard", "passport", "homeReturnPermit", "TaiwanCompatriotPermit", "residencePermit", "other"];

    public static IEnumerable<RpcAction> All =>
    [
        new("SubmitSmsQualification", SubmitRequired, Submit),
        new("QuerySmsQualificationRecord", [], Query),
    ];

    private static RpcResult Submit(RpcCall call)
    {
        var name = call.Req("QualificationName");
        if (name.Length > 100 || call.Req("CompanyName").Length > 150)
        {
            return Fail("QualificationName ≤ 100, CompanyName ≤ 150");
        }
        if (call.Req("CompanyType") is not ("COMPANY" or "NON_PROFIT_ORGANIZATION"))
        {
            return Fail("CompanyType 取值 COMPANY 或 NON_PROFIT_ORGANIZATION");
        }
        if (!IdCardTypes.Contains(call.Req("LegalPersonIDCardType")) || !IdCardTypes.Contains(call.Req("AdminIDCardType")))
        {
            return Fail("证件类型不合法");
        }
        if (!DateRange(call.Req("BussinessLicenseExpDate")))
        {
            return Fail("BussinessLicenseExpDate 格式为 YYYY-MM-DD~YYYY-MM-DD");
        }
        var useBySelf = call.GetBool("UseBySelf", true);
        if (!useBySelf && (call.Get("BusinessLicensePics") is not { Length: > 0 } pics || !Paging.IsJsonArray(pics)))
        {
            return Fail("UseBySelf=false 时必须提供 BusinessLicensePics(JSON数组)");
        }
        Sms.PhoneNumbers.Normalize(call.Req("AdminPhoneNo"), out var phone);
        if (!call.Account.PhoneCodes.TryGetValue(phone, out var code) || code != call.Req("CertifyCode"))
        {
            return Fail("验证码错误或已失效");
        }
        if (call.Account.Qualifications.Values.Any(q => q.Name == name))
        {
            return Fail($"资质名称已存在:{name}");
        }
        var record = new QualificationRecord
        {
            Id = Ids.NextNumber(),
            Name = name,
            CompanyName = call.Req("CompanyName"),
            OrganizationCode = call.Req("OrganizationCode"),
            LegalPersonName = call.Req("LegalPersonName"),
            UseBySelf = useBySelf,
            WorkOrderId = Ids.OrderId(),
            CreateDate = call.Now,
        };
        call.Account.Qualifications[record.Id] = record;
        call.Account.PhoneCodes.TryRemove(phone, out _);
        call.State.Reviews.Qualification(record);
        return RpcResult.Ok(new JsonObject { ["Success"] = true, ["Data"] = record.Id });
    }

    private static RpcResult Query(RpcCall call)
    {
        if (Paging.Read(call, "PageNo", out var page, out var size) is { } bad)
        {
            return bad;
        }
        IEnumerable<QualificationRecord> q = call.Account.Qualifications.Values.OrderByDescending(r => r.CreateDate);
        if (call.Get("QualificationGroupName") is { Length: > 0 } n)
        {
            q = q.Where(r => r.Name.Contains(n, StringComparison.Ordinal));
        }
        if (call.Get("CompanyName") is { Length: > 0 } c)
        {
            q = q.Where(r => r.CompanyName.Contains(c, StringComparison.Ordinal));
        }
        if (call.Get("State") is { Length: > 0 } state)
        {
            q = q.Where(r => r.State == state);
        }
        if (call.Get("WorkOrderId") is { Length: > 0 } w)
        {
            q = q.Where(r => r.WorkOrderId == w);
        }
        var all = q.ToList();
        var list = new JsonArray();
        foreach (var r in all.Skip((page - 1) * size).Take(size))
        {
            list.Add(new JsonObject
            {
                ["GroupId"] = r.Id,
                ["QualificationGroupName"] = r.Name,
                ["CompanyName"] = r.CompanyName,
                ["LegalPersonName"] = r.LegalPersonName,
                ["OrganizationCode"] = r.OrganizationCode,
                ["UseBySelf"] = r.UseBySelf,
                ["State"] = r.State,
                ["StateName"] = r.StateName,
                ["WorkOrderId"] = r.WorkOrderId,
                ["AuditRemark"] = r.AuditRemark,
                ["AuditTime"] = r.AuditTime is { } t ? ChinaTime.Format(t) : "",
                ["CreateDate"] = ChinaTime.Format(r.CreateDate),
            });
        }
        return RpcResult.Ok(new JsonObject
        {
            ["Success"] = true,
            ["Data"] = new JsonObject { ["List"] = list, ["PageNo"] = page, ["PageSize"] = size, ["Total"] = all.Count },
        });
    }

    internal static bool DateRange(string value)
    {
        var parts = value.Split('~');
        return parts.Length == 2 && parts.All(p => DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }

    private static RpcResult Fail(string message) =>
        RpcResult.Business("isv.INVALID_PARAMETERS", message, new JsonObject { ["Success"] = false });
}
