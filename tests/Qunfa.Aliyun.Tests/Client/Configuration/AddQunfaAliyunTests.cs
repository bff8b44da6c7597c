using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Manage;
using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Sms;

namespace Qunfa.Aliyun.Tests.Client.Configuration;

public sealed class AddQunfaAliyunTests
{
    [Fact]
    public async Task BindsTheConfigurationSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Qunfa:Aliyun:AccessKeyId"] = "ak",
            ["Qunfa:Aliyun:AccessKeySecret"] = "sk",
            ["Qunfa:Aliyun:SmsEndpoint"] = "http://127.0.0.1:5000/dysmsapi/",
            ["Qunfa:Aliyun:MnsEndpoint"] = "https://1.mns.cn-hangzhou.aliyuncs.com/",
            ["Qunfa:Aliyun:SignatureVersion"] = "V1",
            ["Qunfa:Aliyun:RegionId"] = "cn-shanghai",
        }).Build();
        await using var provider = new ServiceCollection().AddQunfaAliyun(configuration.GetSection(AliyunOptions.SectionName)).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AliyunOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:5000/dysmsapi/"), options.SmsEndpoint);
        Assert.Equal(new Uri("https://dybaseapi.aliyuncs.com/"), options.DybaseEndpoint);
        Assert.Equal(AliyunSignatureVersion.V1, options.SignatureVersion);
        Assert.Equal("cn-shanghai", options.RegionId);
        var credentials = await provider.GetRequiredService<IAliyunCredentialsProvider>().GetCredentialsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new AliyunCredentials("ak", "sk"), credentials);
        Assert.NotNull(provider.GetRequiredService<IAliyunSmsClient>());
        Assert.NotNull(provider.GetRequiredService<IAliyunSmsManagementClient>());
        Assert.NotNull(provider.GetRequiredService<IAliyunMnsConsumer>());
    }

    [Fact]
    public void DefaultsMatchTheRealService()
    {
        var options = new AliyunOptions();
        Assert.Equal(new Uri("https://dysmsapi.aliyuncs.com/"), options.SmsEndpoint);
        Assert.Equal(new Uri("https://dybaseapi.aliyuncs.com/"), options.DybaseEndpoint);
        Assert.Equal(AliyunSignatureVersion.V3, options.SignatureVersion);
        Assert.Null(options.MnsEndpoint);
    }

    [Fact]
    public async Task MissingKeys_ExplainWhatToConfigure()
    {
        await using var provider = new ServiceCollection().AddQunfaAliyun(_ => { }).BuildServiceProvider();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await provider.GetRequiredService<IAliyunCredentialsProvider>().GetCredentialsAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Qunfa:Aliyun:AccessKeyId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomCredentialsProvider_RegisteredFirst_Wins()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAliyunCredentialsProvider>(new FixedCredentialsProvider(new AliyunCredentials("db-ak", "db-sk")));
        services.AddQunfaAliyun(o => o.AccessKeyId = "config-ak");
        await using var provider = services.BuildServiceProvider();

        var credentials = await provider.GetRequiredService<IAliyunCredentialsProvider>().GetCredentialsAsync(TestContext.Current.CancellationToken);

        Assert.Equal("db-ak", credentials.AccessKeyId);
    }

    [Fact]
    public void CredentialsToString_HidesTheSecret() =>
        Assert.DoesNotContain("secret-value", new AliyunCredentials("ak", "secret-value", "token").ToString(), StringComparison.Ordinal);
}
