using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Time.Testing;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Manage;
using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Sms;

namespace Qunfa.Aliyun.Tests.Client.Support;

/// <summary>The real DI registration with the network replaced by a <see cref="StubHttpHandler"/> and the clock by a <see cref="FakeTimeProvider"/>.</summary>
public sealed class AliyunTestHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider provider;

    public AliyunTestHost(Action<AliyunOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddQunfaAliyun(options =>
        {
            options.AccessKeyId = "test-ak";
            options.AccessKeySecret = "test-secret";
            options.MnsEndpoint = new Uri("https://1943695596114318.mns.cn-hangzhou.aliyuncs.com/");
            options.QueryRetryDelay = TimeSpan.Zero;
            configure?.Invoke(options);
        });
        services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = Handler));
        provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public StubHttpHandler Handler { get; } = new();

    public IAliyunSmsClient Sms => provider.GetRequiredService<IAliyunSmsClient>();

    public IAliyunSmsManagementClient Manage => provider.GetRequiredService<IAliyunSmsManagementClient>();

    public IAliyunMnsConsumer Mns => provider.GetRequiredService<IAliyunMnsConsumer>();

    public CapturedRequest SingleRequest => Assert.Single(Handler.Requests);

    public void Dispose() => provider.Dispose();
}
