using Microsoft.Extensions.Options;

namespace Qunfa.Alipay.Configuration;

internal sealed class OptionsSettingsProvider(IOptionsMonitor<AlipayOptions> options) : IAlipaySettingsProvider
{
    public AlipayMd5Settings GetMd5() => options.CurrentValue.Md5;

    public AlipayRsa2Settings GetRsa2() => options.CurrentValue.Rsa2;
}
