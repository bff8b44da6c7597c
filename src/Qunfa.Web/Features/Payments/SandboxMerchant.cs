using Qunfa.Emulators.Alipay;
using Qunfa.Web.Domain.Packages;
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

    /// <summary>Why a demo value is refused for the real gateway: its keys are published, so anyone could sign as Alipay.</summary>
    public const string PublicKeyMessage = "这是沙箱演示商户的公开信息，不能用于支付宝，请填写您自己的商户信息";

    public static void FillBlanks(PaymentSettingsInput input)
    {
        if (Blank(input.PartnerId)) input.PartnerId = Partner;
        if (Blank(input.Md5Key)) input.Md5Key = Md5Key;
        if (Blank(input.AppId)) input.AppId = AppId;
        if (Blank(input.AppPrivateKey)) input.AppPrivateKey = AppPrivateKey;
        if (Blank(input.AlipayPublicKey)) input.AlipayPublicKey = AlipayPublicKey;
    }

    /// <summary>
    /// The fields of <paramref name="protocol"/> (and the seller id both check) that still hold a demo value; the secrets
    /// are given in clear. Empty when the merchant is the operator's own.
    /// </summary>
    public static IReadOnlyList<string> DemoFields(PaymentProtocol protocol, string? partnerId, string? md5Key, string? appId, string? appPrivateKey, string? alipayPublicKey)
    {
        var fields = new List<string>();
        if (Same(partnerId, Partner)) fields.Add(nameof(PaymentSettingsInput.PartnerId));
        if (protocol == PaymentProtocol.Md5 && Same(md5Key, Md5Key)) fields.Add(nameof(PaymentSettingsInput.Md5Key));
        if (protocol == PaymentProtocol.Rsa2)
        {
            if (Same(appId, AppId)) fields.Add(nameof(PaymentSettingsInput.AppId));
            if (Same(appPrivateKey, AppPrivateKey)) fields.Add(nameof(PaymentSettingsInput.AppPrivateKey));
            if (Same(alipayPublicKey, AlipayPublicKey)) fields.Add(nameof(PaymentSettingsInput.AlipayPublicKey));
        }
        return fields;
    }

    // PEM keys pasted with other line breaks or indentation are still the same key.
    private static bool Same(string? value, string demo) =>
        value is not null && string.Equals(Compact(value), Compact(demo), StringComparison.Ordinal);

    private static string Compact(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
}
