namespace Qunfa.Emulators.Alipay;

/// <summary>One merchant known to the emulator, reachable by partner id (MD5 protocol) or app id (RSA2).</summary>
public sealed class AlipayEmulatorMerchant
{
    public string Name { get; set; } = AlipayEmulatorDefaults.MerchantName;

    public string Partner { get; set; } = AlipayEmulatorDefaults.Partner;

    public string Md5Key { get; set; } = AlipayEmulatorDefaults.Md5Key;

    public string AppId { get; set; } = AlipayEmulatorDefaults.AppId;

    /// <summary>The app's public key (PEM or Base64 SubjectPublicKeyInfo), used to verify RSA2 requests.</summary>
    public string AppPublicKey { get; set; } = AlipayEmulatorDefaults.AppPublicKeyPem;

    public string SellerEmail { get; set; } = AlipayEmulatorDefaults.SellerEmail;
}
