using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Alipay.Common;
using Qunfa.Alipay.Configuration;
using Qunfa.Alipay.Md5;
using Qunfa.Alipay.Rsa2;
using Qunfa.Emulators.Alipay;

namespace Qunfa.Alipay.Tests.Infrastructure;

/// <summary>Emulator + merchant listener + the library wired through DI exactly as the web app would, with the demo merchant.</summary>
internal sealed class ContractContext : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ContractContext(AlipayEmulatorHost emulator, MerchantListener merchant, ServiceProvider services)
    {
        Emulator = emulator;
        Merchant = merchant;
        _services = services;
        Md5 = services.GetRequiredService<AlipayMd5Client>();
        Rsa2 = services.GetRequiredService<AlipayRsa2Client>();
    }

    public AlipayEmulatorHost Emulator { get; }

    public MerchantListener Merchant { get; }

    public AlipayMd5Client Md5 { get; }

    public AlipayRsa2Client Rsa2 { get; }

    public Buyer Buyer { get; } = new();

    private Channel<NotificationVerification> Verified { get; } = Channel.CreateUnbounded<NotificationVerification>();

    /// <summary>
    /// The merchant verifies each MD5 notification inside the request (notify_verify must happen before the
    /// "success" answer, which invalidates the notify_id) and answers success only when valid.
    /// </summary>
    public void VerifyMd5Inline() => Merchant.Respond = async (parameters, _) =>
    {
        var result = await Md5.VerifyNotificationAsync(parameters);
        await Verified.Writer.WriteAsync(result);
        return result.IsValid ? AlipayNotifyAnswer.Success : AlipayNotifyAnswer.Failure;
    };

    public async Task<NotificationVerification> NextVerifiedAsync()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(10));
        return await Verified.Reader.ReadAsync(cts.Token);
    }

    public static async Task<ContractContext> StartAsync(Action<AlipayEmulatorOptions>? configure = null, Action<AlipayOptions>? client = null)
    {
        var emulator = await AlipayEmulatorHost.StartAsync(o =>
        {
            o.TimeScale = 0.0001;
            configure?.Invoke(o);
        });
        var merchant = await MerchantListener.StartAsync();
        var services = new ServiceCollection().AddQunfaAlipay(o =>
        {
            o.RetryCount = 0;
            o.Md5 = new AlipayMd5Settings { Gateway = emulator.GatewayUrl, Partner = AlipayEmulatorDefaults.Partner, Md5Key = AlipayEmulatorDefaults.Md5Key };
            o.Rsa2 = new AlipayRsa2Settings
            {
                Gateway = emulator.GatewayUrl,
                AppId = AlipayEmulatorDefaults.AppId,
                AppPrivateKey = AlipayEmulatorDefaults.AppPrivateKeyPem,
                AlipayPublicKey = AlipayEmulatorDefaults.AlipayPublicKeyPem,
            };
            client?.Invoke(o);
        }).BuildServiceProvider();
        return new ContractContext(emulator, merchant, services);
    }

    public PaymentRequest Order(string orderNumber, long fen = 1234) => new()
    {
        OrderNumber = orderNumber,
        Subject = "通知类短信包 1000 条 <b>&</b>",
        TotalFen = fen,
        NotifyUrl = Merchant.NotifyUrl,
        ReturnUrl = Merchant.ReturnUrl,
    };

    public async ValueTask DisposeAsync()
    {
        Buyer.Dispose();
        await _services.DisposeAsync();
        await Merchant.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
