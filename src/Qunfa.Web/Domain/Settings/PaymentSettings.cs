namespace Qunfa.Web.Domain.Settings;

/// <summary>Alipay partner settings (支付配置). The MD5 key is stored protected, never in clear.</summary>
public sealed class PaymentSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string PartnerId { get; set; } = "";
    public string ProtectedMd5Key { get; set; } = "";
    public string CallbackHost { get; set; } = "";
    public int CallbackPort { get; set; }
    public string CallbackScheme { get; set; } = "http";
    /// <summary>Which protocol new orders are paid with.</summary>
    public Packages.PaymentProtocol Protocol { get; set; } = Packages.PaymentProtocol.Md5;
    /// <summary>Alipay (real gateways) or the built-in sandbox emulator, chosen explicitly like the carrier.</summary>
    public CarrierKind Gateway { get; set; } = CarrierKind.Aliyun;
    /// <summary>Open platform (RSA2) app id.</summary>
    public string? AppId { get; set; }
    /// <summary>The app's RSA2 private key, protected like every secret.</summary>
    public string? ProtectedAppPrivateKey { get; set; }
    /// <summary>Alipay's public key (not a secret) for verifying RSA2 notifications and answers.</summary>
    public string? AlipayPublicKey { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
