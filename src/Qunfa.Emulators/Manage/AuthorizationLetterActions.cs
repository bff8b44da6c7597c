using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Manage;

internal static class AuthorizationLetterActions
{
    public static IEnumerable<RpcAction> All =>
    [
        new("CreateSmsAuthorizationLetter",
            ["Authorization", "ProxyAuthorization", "OrganizationCode", "AuthorizationLetterName", "AuthorizationLetterExpDate", "AuthorizationLetterPic", "SignList"],
            Create),
        new("QuerySmsAuthorizationLetter", [], Query),
    ];

    private static RpcResult Create(RpcCall call)
    {
        var name = call.Req("AuthorizationLetterName");
        if (name.Length > 100)
        {
            return Fail("AuthorizationLetterName 不超过100个字符");
        }
        if (!QualificationActions.DateRange(call.Req("AuthorizationLetterExpDate")))
        {
            return Fail("AuthorizationLetterExpDate 格式为 YYYY-MM-DD~YYYY-MM-DD");
        }
        if (!TryStrings(call.Req("SignList"), out var signs) || signs.Length is 0 or > 100)
        {
            return RpcResult.Business("isv.INVALID_JSON_PARAM", "SignList 必须是1~100个签名名称的JSON数组", new JsonObject { ["Success"] = false });
        }
        if (call.Account.Letters.Values.Any(l => l.Name == name))
        {
            return Fail($"授权书名称已存在:{name}");
        }
        var letter = new AuthorizationLetterRecord
        {
            Id = Ids.NextNumber(),
            Name = name,
            Authorization = call.Req("Authorization"),
            ProxyAuthorization = call.Req("ProxyAuthorization"),
            OrganizationCode = call.Req("OrganizationCode"),
            ExpDate = call.Req("AuthorizationLetterExpDate"),
            Pic = call.Req("AuthorizationLetterPic"),
            SignList = signs,
        };
        call.Account.Letters[letter.Id] = letter;
        call.State.Reviews.Letter(letter);
        return RpcResult.Ok(new JsonObject { ["Success"] = true, ["Data"] = letter.Id });
    }

    private static RpcResult Query(RpcCall call)
    {
        IEnumerable<AuthorizationLetterRecord> q = call.Account.Letters.Values.OrderBy(l => l.Id);
        if (call.Get("AuthorizationLetterIdList") is { Length: > 0 } ids)
        {
            if (!TryLongs(ids, out var wanted))
            {
                return RpcResult.Business("isv.INVALID_JSON_PARAM", "AuthorizationLetterIdList 必须是JSON数组");
            }
            q = q.Where(l => wanted.Contains(l.Id));
        }
        if (call.Get("SignName") is { Length: > 0 } sign)
        {
            q = q.Where(l => l.SignList.Contains(sign));
        }
        if (call.Get("OrganizationCode") is { Length: > 0 } org)
        {
            q = q.Where(l => l.OrganizationCode == org);
        }
        if (call.Get("State") is { Length: > 0 } state)
        {
            q = q.Where(l => l.State == state);
        }
        if (call.Get("Status") is { Length: > 0 } status)
        {
            q = q.Where(l => Status(l) == status);
        }
        var list = new JsonArray();
        foreach (var l in q)
        {
            list.Add(new JsonObject
            {
                ["AuthorizationLetterId"] = l.Id,
                ["AuthorizationLetterName"] = l.Name,
                ["Authorization"] = l.Authorization,
                ["ProxyAuthorization"] = l.ProxyAuthorization,
                ["OrganizationCode"] = l.OrganizationCode,
                ["AuthorizationLetterExpDate"] = l.ExpDate,
                ["AuthorizationLetterPic"] = l.Pic,
                ["SignScope"] = JsonSerializer.Serialize(l.SignList),
                ["State"] = l.State,
                ["Status"] = Status(l),
                ["AuditRemark"] = l.AuditRemark,
            });
        }
        return RpcResult.Ok(new JsonObject { ["Success"] = true, ["Data"] = list });
    }

    private static string Status(AuthorizationLetterRecord l)
    {
        var end = l.ExpDate.Split('~')[1];
        return DateOnly.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture) >= DateOnly.FromDateTime(DateTime.UtcNow) ? "VALID" : "INVALID";
    }

    private static bool TryStrings(string json, out string[] values)
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

    private static bool TryLongs(string json, out HashSet<long> values)
    {
        values = [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return false;
            }
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n)
                    || e.ValueKind == JsonValueKind.String && long.TryParse(e.GetString(), CultureInfo.InvariantCulture, out n))
                {
                    values.Add(n);
                }
                else
                {
                    return false;
                }
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static RpcResult Fail(string message) =>
        RpcResult.Business("isv.INVALID_PARAMETERS", message, new JsonObject { ["Success"] = false });
}
