using Microsoft.Extensions.Time.Testing;
using Qunfa.Emulators;

namespace Qunfa.Aliyun.Tests.Emulator;

/// <summary>One emulator on a random loopback port plus hand-written clients; optionally on a fake clock.</summary>
internal sealed class EmulatorTestContext : IAsyncDisposable
{
    public const string Sign = "群发科技";
    public const string VerificationSign = "群发验证";
    public const string NotifyTemplate = "SMS_100000001";
    public const string VerifyTemplate = "SMS_100000002";
    public const string IntlTemplate = "SMS_100000003";

    private EmulatorTestContext(EmulatorHost host, FakeTimeProvider? fake)
    {
        Host = host;
        Fake = fake;
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        Rpc = new RpcTestClient(Http, host.BaseAddress, Now);
        Mns = new MnsTestClient(Http, host.BaseAddress, Now);
    }

    public EmulatorHost Host { get; }

    public FakeTimeProvider? Fake { get; }

    public HttpClient Http { get; }

    public RpcTestClient Rpc { get; }

    public MnsTestClient Mns { get; }

    public EmulatorState State => Host.State;

    public DateTimeOffset Now() => Fake?.GetUtcNow() ?? DateTimeOffset.UtcNow;

    public static async Task<EmulatorTestContext> StartAsync(Action<EmulatorOptions>? configure = null, bool fakeClock = false)
    {
        var fake = fakeClock ? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero)) : null;
        var host = await EmulatorHost.StartAsync(o =>
        {
            o.ReportDelay = TimeSpan.FromMilliseconds(200);
            o.ReviewDelay = TimeSpan.FromSeconds(5);
            o.TimeProvider = fake;
            configure?.Invoke(o);
        }, ct: TestContext.Current.CancellationToken);
        var context = new EmulatorTestContext(host, fake);
        context.State.SeedSign(Sign);
        context.State.SeedSign(VerificationSign, signType: 0);
        context.State.SeedTemplate(NotifyTemplate, "您的订单${order}已发货");
        context.State.SeedTemplate(VerifyTemplate, "您的验证码为${code}，5分钟内有效", templateType: 0);
        context.State.SeedTemplate(IntlTemplate, "Your code is ${code}", templateType: 3);
        return context;
    }

    public string QueueName(string type) => State.QueueName(type);

    public Task<RpcResponse> SendSmsAsync(string numbers, string sign = Sign, string template = NotifyTemplate, string? param = """{"order":"A1"}""")
    {
        var p = new Dictionary<string, string> { ["PhoneNumbers"] = numbers, ["SignName"] = sign, ["TemplateCode"] = template };
        if (param is not null)
        {
            p["TemplateParam"] = param;
        }
        return Rpc.V1Async("SendSms", p);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
