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
    public DateTimeOffset UpdatedAt { get; set; }
}
