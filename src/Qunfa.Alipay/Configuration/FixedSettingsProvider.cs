namespace Qunfa.Alipay.Configuration;

/// <summary>Serves the same settings on every call (tests, tools, or a web app that rebuilds it on save).</summary>
public sealed class FixedSettingsProvider(AlipayMd5Settings? md5 = null, AlipayRsa2Settings? rsa2 = null) : IAlipaySettingsProvider
{
    private readonly AlipayMd5Settings _md5 = md5 ?? new();
    private readonly AlipayRsa2Settings _rsa2 = rsa2 ?? new();

    public AlipayMd5Settings GetMd5() => _md5;

    public AlipayRsa2Settings GetRsa2() => _rsa2;
}
