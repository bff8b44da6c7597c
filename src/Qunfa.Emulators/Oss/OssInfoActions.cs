using System.Globalization;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Oss;

internal static class OssInfoActions
{
    public static IEnumerable<RpcAction> All =>
    [
        new("GetOSSInfoForUploadFile", [], ForUploadFile),
        new("GetQualificationOssInfo", ["BizType"], ForQualification),
    ];

    private static RpcResult ForUploadFile(RpcCall call)
    {
        var bizType = call.Get("BizType") is { Length: > 0 } b ? b : "fcMediaSms";
        return RpcResult.Ok(new JsonObject { ["Success"] = true, ["Model"] = Describe(call, bizType) });
    }

    private static RpcResult ForQualification(RpcCall call)
    {
        var bizType = call.Req("BizType");
        if (bizType != "dysms")
        {
            return RpcResult.InvalidParameter("BizType 取值 dysms");
        }
        var data = Describe(call, bizType);
        data["Bucket"] = "alicom-emulator";
        return RpcResult.Ok(new JsonObject { ["Success"] = true, ["Data"] = data });
    }

    private static JsonObject Describe(RpcCall call, string bizType)
    {
        var grant = call.State.Oss.Issue(call.Account.Account.AccountUid, bizType, call.Now, call.State.Options.OssPolicyLifetime);
        return new JsonObject
        {
            ["AccessKeyId"] = grant.AccessKeyId,
            ["Policy"] = grant.Policy,
            ["Signature"] = grant.Signature,
            ["Host"] = call.EmulatorBaseUrl() + "/oss",
            ["StartPath"] = grant.StartPath,
            ["ExpireTime"] = grant.Expiration.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
    }
}
