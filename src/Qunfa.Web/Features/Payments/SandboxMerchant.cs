using Qunfa.Emulators.Alipay;
using Qunfa.Web.Features.Settings;

namespace Qunfa.Web.Features.Payments;

/// <summary>The demo merchant that 沙箱 fills into 支付配置 for every blank field (it protects nothing).</summary>
public static class SandboxMerchant
{
    public const string Partner = AlipayEmulatorDefaults.Partner;
    public const string Md5Key = AlipayEmulatorDefaults.Md5Key;
    public const string AppId = AlipayEmulatorDefaults.AppId;
    public const string AppPrivateKey = AlipayEmulatorDefaults.AppPrivateKeyPem;
    public const string AlipayPublicKey = AlipayEmulatorDefaults.AlipayPublicKeyPem;

    public static void FillBlanks(PaymentSettingsInput input)
    {
        if (Blank(input.PartnerId)) input.PartnerId = Partner;
        if (Blank(input.Md5Key)) input.Md5Key = Md5Key;
        if (Blank(input.AppId)) input.AppId = AppId;
        if (Blank(input.AppPrivateKey)) input.AppPrivateKey = AppPrivateKey;
        if (Blank(input.AlipayPublicKey)) input.AlipayPublicKey = AlipayPublicKey;
    }

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
}
