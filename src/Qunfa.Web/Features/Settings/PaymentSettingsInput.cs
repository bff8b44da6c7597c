using Qunfa.Web.Domain.Settings;

namespace Qunfa.Web.Features.Settings;

/// <summary>支付配置 as submitted. A blank MD5 key keeps the stored one (编辑 replaces it).</summary>
public sealed class PaymentSettingsInput
{
    public string? PartnerId { get; set; }
    public string? Md5Key { get; set; }
    public string? CallbackHost { get; set; }
    public int? CallbackPort { get; set; }
    public string CallbackScheme { get; set; } = "http";

    public static PaymentSettingsInput From(PaymentSettings p) => new()
    {
        PartnerId = p.PartnerId,
        CallbackHost = p.CallbackHost,
        CallbackPort = p.CallbackPort == 0 ? null : p.CallbackPort,
        CallbackScheme = p.CallbackScheme,
    };
}
