namespace Qunfa.Alipay.Configuration;

/// <summary>Open platform app (app id + the app's RSA2 private key + Alipay's public key).</summary>
public sealed class AlipayRsa2Settings
{
    public static readonly Uri ProductionGateway = new("https://openapi.alipay.com/gateway.do");

    public static readonly Uri SandboxGateway = new("https://openapi-sandbox.dl.alipaydev.com/gateway.do");

    public Uri Gateway { get; set; } = ProductionGateway;

    public string? AppId { get; set; }

    /// <summary>PKCS#8 (or PKCS#1) private key: PEM or bare Base64 DER.</summary>
    public string? AppPrivateKey { get; set; }

    /// <summary>Alipay's public key (X.509 SubjectPublicKeyInfo): PEM or bare Base64 DER.</summary>
    public string? AlipayPublicKey { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrEmpty(AppId) && !string.IsNullOrEmpty(AppPrivateKey) && !string.IsNullOrEmpty(AlipayPublicKey);
}
