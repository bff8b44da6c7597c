using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Alipay.Configuration;
using Qunfa.Alipay.Md5;
using Qunfa.Alipay.Rsa2;

namespace Qunfa.Alipay.Tests.Common;

public sealed class RegistrationTests
{
    [Fact]
    public void BindsSettingsFromConfigurationWithRealGatewaysByDefault()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Qunfa:Alipay:Md5:Partner"] = "2088000000000001",
            ["Qunfa:Alipay:Md5:Md5Key"] = "k",
            ["Qunfa:Alipay:Rsa2:AppId"] = "2021000000000001",
        }).Build().GetSection(AlipayOptions.SectionName);
        using var services = new ServiceCollection().AddQunfaAlipay(section).BuildServiceProvider();

        var settings = services.GetRequiredService<IAlipaySettingsProvider>();
        Assert.Equal(("2088000000000001", "https://mapi.alipay.com/gateway.do"), (settings.GetMd5().Partner, settings.GetMd5().Gateway.AbsoluteUri));
        Assert.Equal(("2021000000000001", "https://openapi.alipay.com/gateway.do"), (settings.GetRsa2().AppId, settings.GetRsa2().Gateway.AbsoluteUri));
        Assert.False(settings.GetRsa2().IsConfigured);
        Assert.NotNull(services.GetRequiredService<AlipayMd5Client>());
        Assert.NotNull(services.GetRequiredService<AlipayRsa2Client>());
    }

    [Fact]
    public void WebAppCanReplaceTheSettingsSource()
    {
        var mine = new FixedSettingsProvider(new AlipayMd5Settings { Partner = "2088000000000002", Md5Key = "k" });
        using var services = new ServiceCollection().AddSingleton<IAlipaySettingsProvider>(mine).AddQunfaAlipay().BuildServiceProvider();
        Assert.Same(mine, services.GetRequiredService<IAlipaySettingsProvider>());
    }
}
