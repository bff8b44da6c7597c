using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Rpc;
using Qunfa.Emulators.Sms;

namespace Qunfa.Emulators.Manage;

/// <summary>The code RequiredPhoneCode sends is in the message log (EmulatorState.SentLog) and readable through EmulatorState.LastPhoneCode.</summary>
internal static class PhoneCodeActions
{
    public const string CarrierSignName = "阿里云";

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
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        call.Account.PhoneCodes[phone] = code;
        call.State.SendAsCarrier(call.Account, phone, CarrierSignName, $"验证码{code}，您正在进行短信资质手机号验证，5分钟内有效，请勿泄露。");
        return RpcResult.Ok(new JsonObject { ["Success"] = true, ["Data"] = true });
    }

    private static RpcResult Valid(RpcCall call)
    {
        PhoneNumbers.Normalize(call.Req("PhoneNo"), out var phone);
        var ok = call.Account.PhoneCodes.TryGetValue(phone, out var code) && code == call.Req("CertifyCode");
        return RpcResult.Ok(new JsonObject { ["Success"] = true, ["Data"] = ok });
    }
}
