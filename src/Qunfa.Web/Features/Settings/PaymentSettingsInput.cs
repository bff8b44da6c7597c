using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Settings;

namespace Qunfa.Web.Features.Settings;

/// <summary>
/// 支付配置 as submitted. A blank secret (MD5 key, app private key) keeps the stored one (编辑 replaces it).
/// Protocol and gateway default to the manual's partner protocol at the real Alipay.
/// </summary>
public sealed class PaymentSettingsInput
{
    public PaymentProtocol Protocol { get; set; } = PaymentProtocol.Md5;
    public CarrierKind Gateway { get; set; } = CarrierKind.Aliyun;
    public string? PartnerId { get; set; }
    public string? Md5Key { get; set; }
    public string? AppId { get; set; }
    public string? AppPrivateKey { get; set; }
    public string? AlipayPublicKey { get; set; }
    public string? CallbackHost { get; set; }
    public int? CallbackPort { get; set; }
    public string CallbackScheme { get; set; } = "http";

    public static PaymentSettingsInput From(PaymentSettings p) => new()
    {
        Protocol = p.Protocol,
        Gateway = p.Gateway,
        PartnerId = p.PartnerId,
        AppId = p.AppId,
        AlipayPublicKey = p.AlipayPublicKey,
        CallbackHost = p.CallbackHost,
        CallbackPort = p.CallbackPort == 0 ? null : p.CallbackPort,
        CallbackScheme = p.CallbackScheme,
    };
}
