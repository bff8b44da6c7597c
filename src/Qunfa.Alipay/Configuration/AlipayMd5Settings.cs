namespace Qunfa.Alipay.Configuration;

/// <summary>Legacy partner protocol (支付配置: 合作者身份ID + MD5 密钥).</summary>
public sealed class AlipayMd5Settings
{
    public static readonly Uri ProductionGateway = new("https://mapi.alipay.com/gateway.do");

    public Uri Gateway { get; set; } = ProductionGateway;

    /// <summary>16 digits starting with 2088.</summary>
    public string? Partner { get; set; }

    /// <summary>32-character MD5 key.</summary>
    public string? Md5Key { get; set; }

    /// <summary>Receiving account; defaults to the partner.</summary>
    public string? SellerId { get; set; }

    /// <summary>What notifications must carry as seller_id (the web app's check).</summary>
    public string? EffectiveSellerId => string.IsNullOrEmpty(SellerId) ? Partner : SellerId;

    public bool IsConfigured => !string.IsNullOrEmpty(Partner) && !string.IsNullOrEmpty(Md5Key);
}
