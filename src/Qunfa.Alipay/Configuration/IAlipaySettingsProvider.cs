namespace Qunfa.Alipay.Configuration;

/// <summary>
/// Where the clients get merchant credentials on every call. The default reads <see cref="AlipayOptions"/>;
/// the web app replaces it to serve the 支付配置 saved in its database.
/// </summary>
public interface IAlipaySettingsProvider
{
    AlipayMd5Settings GetMd5();

    AlipayRsa2Settings GetRsa2();
}
