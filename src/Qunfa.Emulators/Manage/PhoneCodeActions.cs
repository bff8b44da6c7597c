using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Rpc;
using Qunfa.Emulators.Sms;

namespace Qunfa.Emulators.Manage;

/// <summary>The code RequiredPhoneCode "sends" is readable through EmulatorState.LastPhoneCode.</summary>
internal static class PhoneCodeActions
{
    public static IEnumerable<RpcAction> All =>
    [
        new("RequiredPhoneCode", ["PhoneNo"], Required),
        new("ValidPhoneCode", ["PhoneNo", "CertifyCode"], Valid),
    ];

    private static RpcResult Required(RpcCall call)
    {
        if (PhoneNumbers.Normalize(call.Req("PhoneNo"), out var phone) != NumberKind.Mainland)
        {
            return RpcResult.Business("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
        }
        if (call.Account.PhoneCodeLimits.TryAcquire("phone-code", [phone], call.Now) is { } limited)
        {
            return limited;
        }
        call.Account.PhoneCodes[phone] = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return RpcResult.Ok(new JsonObject { ["Success"] = true, ["Data"] = true });
    }

    private static RpcResult Valid(RpcCall call)
    {
        PhoneNumbers.Normalize(call.Req("PhoneNo"), out var phone);
        var ok = call.Account.PhoneCodes.TryGetValue(phone, out var code) && code == call.Req("CertifyCode");
        return RpcResult.Ok(new JsonObject { ["Success"] = true, ["Data"] = ok });
    }
}
