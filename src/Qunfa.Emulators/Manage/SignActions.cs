using System.Globalization;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Manage;

internal static class SignActions
{
    private static readonly string[] CreateRequired = ["SignName", "SignSource", "QualificationId"];

    public static IEnumerable<RpcAction> All =>
    [
        new("CreateSmsSign", CreateRequired, Create),
        new("UpdateSmsSign", CreateRequired, Update),
        new("GetSmsSign", ["SignName"], Get),
        new("DeleteSmsSign", ["SignName"], Delete),
        new("QuerySmsSignList", [], List),
    ];

    private static RpcResult Create(RpcCall call)
    {
        var name = call.Req("SignName");
        var sign = new SignRecord { Name = name, OrderId = Ids.OrderId(), CreateDate = call.Now, Status = ReviewStatus.Reviewing };
        if (Apply(call, sign) is { } invalid)
        {
            return invalid;
        }
        if (!call.Account.Signs.TryAdd(name, sign))
        {
            return RpcResult.InvalidParameter($"签名名称已存在:{name}");
        }
        call.State.Reviews.Sign(call.Account, sign);
        return RpcResult.Ok(new JsonObject { ["SignName"] = name, ["OrderId"] = sign.OrderId });
    }

    private static RpcResult Update(RpcCall call)
    {
        var name = call.Req("SignName");
        if (!call.Account.Signs.TryGetValue(name, out var sign))
        {
            return NotFound(name);
        }
        lock (sign)
        {
            if (sign.Status == ReviewStatus.Reviewing)
            {
                return RpcResult.Business("isv.SIGN_STATE_ILLEGAL", "审核中的签名不可修改");
            }
            if (Apply(call, sign) is { } invalid)
            {
                return invalid;
            }
            sign.Status = ReviewStatus.Reviewing;
            sign.RejectReason = "";
            sign.OrderId = Ids.OrderId();
        }
        call.State.Reviews.Sign(call.Account, sign);
        return RpcResult.Ok(new JsonObject { ["SignName"] = name, ["OrderId"] = sign.OrderId });
    }

    private static RpcResult Get(RpcCall call)
    {
        var name = call.Req("SignName");
        if (!call.Account.Signs.TryGetValue(name, out var s))
        {
            return NotFound(name);
        }
        lock (s)
        {
            var letterPassed = s.AuthorizationLetterId is { } lid && call.Account.Letters.TryGetValue(lid, out var letter) && letter.State == "PASSED";
            return RpcResult.Ok(new JsonObject
            {
                ["SignName"] = s.Name,
                ["SignCode"] = "SIGN_" + Math.Abs(s.Name.GetHashCode(StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture),
                ["SignStatus"] = (int)s.Status,
                ["AuditInfo"] = new JsonObject
                {
                    ["AuditDate"] = s.AuditDate is { } d ? ChinaTime.Format(d) : "",
                    ["RejectInfo"] = s.RejectReason,
                },
                ["CreateDate"] = ChinaTime.Format(s.CreateDate),
                ["OrderId"] = s.OrderId,
                ["Remark"] = s.Remark,
                ["ApplyScene"] = s.ApplySceneContent,
                ["SignUsage"] = s.SignType == 0 ? "验证码" : "通用",
                ["SignType"] = s.SignType,
                ["SignSource"] = s.SignSource,
                ["FileUrlList"] = JsonNode.Parse(s.MoreData),
                ["ThirdParty"] = s.ThirdParty,
                ["QualificationId"] = s.QualificationId,
                ["AuthorizationLetterId"] = s.AuthorizationLetterId,
                ["AuthorizationLetterAuditPass"] = letterPassed,
                ["SignTag"] = s.Tag.ToString(CultureInfo.InvariantCulture),
                ["SignIspRegisterDetailList"] = IspDetails(s.Status),
            });
        }
    }

    private static RpcResult Delete(RpcCall call)
    {
        var name = call.Req("SignName");
        if (!call.Account.Signs.TryGetValue(name, out var sign))
        {
            return NotFound(name);
        }
        if (sign.Status == ReviewStatus.Reviewing)
        {
            return RpcResult.Business("isv.SIGN_STATE_ILLEGAL", "审核中的签名不可删除");
        }
        call.Account.Signs.TryRemove(name, out _);
        return RpcResult.Ok(new JsonObject { ["SignName"] = name });
    }

    private static RpcResult List(RpcCall call)
    {
        if (Paging.Read(call, "PageIndex", out var page, out var size) is { } bad)
        {
            return bad;
        }
        var all = call.Account.Signs.Values.OrderByDescending(s => s.CreateDate).ToList();
        var list = new JsonArray();
        foreach (var s in all.Skip((page - 1) * size).Take(size))
        {
            list.Add(new JsonObject
            {
                ["SignName"] = s.Name,
                ["AuditStatus"] = ReviewStatusText.ListAuditStatus(s.Status, template: false),
                ["BusinessType"] = s.SignType == 0 ? "验证码类型" : "通用类型",
                ["CreateDate"] = ChinaTime.Format(s.CreateDate),
                ["OrderId"] = s.OrderId,
                ["Reason"] = new JsonObject
                {
                    ["RejectDate"] = s.Status == ReviewStatus.Rejected && s.AuditDate is { } d ? ChinaTime.Format(d) : "",
                    ["RejectInfo"] = s.RejectReason,
                    ["RejectSubInfo"] = "",
                },
                ["AuthorizationLetterId"] = s.AuthorizationLetterId?.ToString(CultureInfo.InvariantCulture) ?? "",
                ["authorizationLetterAuditPass"] = s.AuthorizationLetterId is { } lid && call.Account.Letters.TryGetValue(lid, out var l) && l.State == "PASSED",
            });
        }
        return RpcResult.Ok(new JsonObject
        {
            ["SmsSignList"] = list,
            ["TotalCount"] = all.Count,
            ["CurrentPage"] = page,
            ["PageSize"] = size,
        });
    }

    private static RpcResult? Apply(RpcCall call, SignRecord sign)
    {
        var name = sign.Name;
        if (name.Length is < 2 or > 12 || !name.All(char.IsLetterOrDigit)
            || name.Contains("测试", StringComparison.Ordinal) || name.Contains("test", StringComparison.OrdinalIgnoreCase))
        {
            return RpcResult.InvalidParameter("签名名称须为2~12个字符，不含标点、空格、“测试”或“test”");
        }
        if (!call.TryGetInt("SignSource", out var source) || source is < 0 or > 5)
        {
            return RpcResult.InvalidParameter("SignSource 取值 0~5");
        }
        var signType = 1;
        if (call.Get("SignType") is not null && (!call.TryGetInt("SignType", out signType) || signType is not (0 or 1)))
        {
            return RpcResult.InvalidParameter("SignType 取值 0 或 1");
        }
        var remark = call.Get("Remark") ?? "";
        if (remark.Length > 200)
        {
            return RpcResult.InvalidParameter("Remark 不超过200个字符");
        }
        if (!long.TryParse(call.Req("QualificationId"), CultureInfo.InvariantCulture, out var qualificationId)
            || !call.Account.Qualifications.TryGetValue(qualificationId, out var qualification) || qualification.State != "PASSED")
        {
            return RpcResult.InvalidParameter("QualificationId 对应的资质不存在或未审核通过");
        }
        var thirdParty = call.GetBool("ThirdParty", false);
        long? letterId = null;
        if (thirdParty)
        {
            if (!long.TryParse(call.Get("AuthorizationLetterId"), CultureInfo.InvariantCulture, out var lid)
                || !call.Account.Letters.TryGetValue(lid, out var letter))
            {
                return RpcResult.InvalidParameter("他用签名必须提供有效的 AuthorizationLetterId");
            }
            if (letter.OrganizationCode != qualification.OrganizationCode)
            {
                return RpcResult.InvalidParameter("授权书的统一社会信用代码与资质不一致");
            }
            if (!letter.SignList.Contains(name))
            {
                return RpcResult.InvalidParameter("授权书的签名范围不包含该签名");
            }
            letterId = lid;
        }
        if (call.Get("MoreData") is { Length: > 0 } moreData && !Paging.IsJsonArray(moreData))
        {
            return RpcResult.Business("isv.INVALID_JSON_PARAM", "MoreData 必须是JSON数组");
        }
        sign.SignSource = source;
        sign.SignType = signType;
        sign.Remark = remark;
        sign.QualificationId = qualificationId;
        sign.ThirdParty = thirdParty;
        sign.AuthorizationLetterId = letterId;
        sign.MoreData = call.Get("MoreData") is { Length: > 0 } md ? md : "[]";
        sign.ApplySceneContent = call.Get("ApplySceneContent") ?? "";
        return null;
    }

    private static JsonArray IspDetails(ReviewStatus status)
    {
        var registerStatus = status == ReviewStatus.Approved ? 3 : -2;
        var list = new JsonArray();
        foreach (var isp in (string[])["mobile", "unicom", "telecom"])
        {
            list.Add(new JsonObject { ["OperatorCode"] = isp, ["RegisterStatus"] = registerStatus, ["RegisterStatusReasons"] = new JsonArray() });
        }
        return list;
    }

    internal static RpcResult NotFound(string name) => RpcResult.Business("isv.SMS_SIGN_ILLEGAL", $"签名不存在:{name}");
}
