using Microsoft.Extensions.DependencyInjection;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Manage;
using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Sms;
using Qunfa.Emulators;

namespace Qunfa.Aliyun.Tests.Contract;

/// <summary>The real client, wired by AddQunfaAliyun, against an in-process emulator on loopback.</summary>
public sealed class EmulatorContractHost : IAsyncDisposable
{
    private ServiceProvider? provider;

    private EmulatorContractHost(EmulatorHost emulator) => Emulator = emulator;

    public EmulatorHost Emulator { get; }

    public EmulatorState State => Emulator.State;

    public IAliyunSmsClient Sms => provider!.GetRequiredService<IAliyunSmsClient>();

    public IAliyunSmsManagementClient Manage => provider!.GetRequiredService<IAliyunSmsManagementClient>();

    public IAliyunMnsConsumer Mns => provider!.GetRequiredService<IAliyunMnsConsumer>();

    /// <param name="productListeners">Point the client at the root of each product's own listener instead of the prefixed paths.</param>
    public static async Task<EmulatorContractHost> StartAsync(Action<AliyunOptions>? client = null, Action<EmulatorOptions>? emulator = null, bool productListeners = false)
    {
        var anyPort = new Uri("http://127.0.0.1:0");
        var host = new EmulatorContractHost(await EmulatorHost.StartAsync(
            o =>
            {
                o.ReviewDelay = TimeSpan.FromMilliseconds(100);
                o.ReportDelay = TimeSpan.FromMilliseconds(50);
                if (productListeners)
                {
                    (o.DysmsapiUrl, o.DybaseapiUrl, o.MnsUrl) = (anyPort, anyPort, anyPort);
                }
                emulator?.Invoke(o);
            },
            ct: TestContext.Current.CancellationToken));
        var listeners = host.State.Options;
        var services = new ServiceCollection();
        services.AddQunfaAliyun(o =>
        {
            o.AccessKeyId = "emulator-ak";
            o.AccessKeySecret = "emulator-secret";
            o.SmsEndpoint = productListeners ? listeners.DysmsapiUrl! : new Uri(host.Emulator.BaseAddress, "dysmsapi/");
            o.DybaseEndpoint = productListeners ? listeners.DybaseapiUrl! : new Uri(host.Emulator.BaseAddress, "dybaseapi/");
            o.MnsEndpoint = productListeners ? listeners.MnsUrl : new Uri(host.Emulator.BaseAddress, "mns/");
            o.QueryRetryDelay = TimeSpan.FromMilliseconds(10);
            client?.Invoke(o);
        });
        host.provider = services.BuildServiceProvider();
        return host;
    }

    public void SeedSenderSetup(int templateType = 1)
    {
        State.SeedSign("群发科技", signType: templateType == 0 ? 0 : 1);
        State.SeedTemplate("SMS_100", "您的验证码为${code}", templateType);
    }

    public async ValueTask DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }

        await Emulator.DisposeAsync();
    }
}
