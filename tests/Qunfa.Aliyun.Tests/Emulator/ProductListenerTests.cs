using System.Net;
using System.Net.Sockets;
using Qunfa.Emulators;

namespace Qunfa.Aliyun.Tests.Emulator;

/// <summary>Each product at the root of its own listener or host name, where Alibaba's SDKs call it; the prefixed paths stay.</summary>
public sealed class ProductListenerTests
{
    private static readonly Uri AnyPort = new("http://127.0.0.1:0");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> SendSms => new()
    {
        ["PhoneNumbers"] = "13800138000",
        ["SignName"] = EmulatorTestContext.Sign,
        ["TemplateCode"] = EmulatorTestContext.NotifyTemplate,
        ["TemplateParam"] = """{"order":"A1"}""",
    };

    private static Task<EmulatorTestContext> StartWithListenersAsync() => EmulatorTestContext.StartAsync(o =>
    {
        o.DysmsapiUrl = AnyPort;
        o.DybaseapiUrl = AnyPort;
        o.MnsUrl = AnyPort;
    });

    [Fact]
    public async Task DysmsapiListener_AnswersV3AndV1SignedCallsAtItsRoot_AndOnlyDysmsapi()
    {
        await using var ctx = await StartWithListenersAsync();
        var root = ctx.State.Options.DysmsapiUrl!;
        Assert.NotEqual(0, root.Port);
        var rpc = new RpcTestClient(ctx.Http, root, ctx.Now);

        var v3 = await rpc.V3Async("SendSms", SendSms, product: "");
        Assert.Equal((HttpStatusCode.OK, "OK"), (v3.Status, v3.Code));
        Assert.NotEmpty(ctx.State.MessagesOfBiz(v3.Json.GetProperty("BizId").GetString()!));
        var v1 = await rpc.V1Async("SendSms", SendSms, "GET", product: "");
        Assert.Equal((HttpStatusCode.OK, "OK"), (v1.Status, v1.Code));
        var form = await rpc.V1Async("QuerySmsSign", new Dictionary<string, string> { ["SignName"] = EmulatorTestContext.Sign }, product: "");
        Assert.Equal(1, form.Json.GetProperty("SignStatus").GetInt32());
        Assert.Equal(2, ctx.State.MessagesTo("13800138000").Count);

        // The token service is another product, as on Alibaba's hosts.
        var token = await rpc.V1Async("QueryTokenForMnsQueue",
            new Dictionary<string, string> { ["MessageType"] = "SmsReport", ["QueueName"] = ctx.QueueName("SmsReport") }, product: "");
        Assert.Equal((HttpStatusCode.NotFound, "InvalidApi.NotFound"), (token.Status, token.Code));

        // The main listener keeps its prefixed paths and has no product at its root.
        Assert.Equal("OK", (await ctx.Rpc.V1Async("SendSms", SendSms)).Code);
        using var bare = await ctx.Http.PostAsync(ctx.Host.BaseAddress, new StringContent(""), Ct);
        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
    }

    [Fact]
    public async Task DybaseapiAndMnsListeners_ServeTheTokenAndTheQueueAtTheirRoots()
    {
        await using var ctx = await StartWithListenersAsync();
        Assert.Equal("OK", (await ctx.SendSmsAsync("13800138000")).Code);
        var queue = ctx.QueueName("SmsReport");

        var token = await MnsTestClient.TokenAsync(new RpcTestClient(ctx.Http, ctx.State.Options.DybaseapiUrl!, ctx.Now), queue, "SmsReport", product: "");
        var mns = new MnsTestClient(ctx.Http, ctx.State.Options.MnsUrl!, ctx.Now, mount: "");
        var (status, messages, raw) = await mns.ReceiveAsync(token, queue, waitSeconds: 5);
        Assert.True(status == HttpStatusCode.OK, raw);
        Assert.Contains("13800138000", Assert.Single(messages).BodyJson);
        Assert.Equal(HttpStatusCode.NoContent, (await mns.DeleteAsync(token, queue, messages[0].ReceiptHandle)).Status);

        // A queue path on the Dysmsapi listener is no MNS host.
        var wrongHost = new MnsTestClient(ctx.Http, ctx.State.Options.DysmsapiUrl!, ctx.Now, mount: "");
        Assert.Equal(HttpStatusCode.NotFound, (await wrongHost.ReceiveAsync(token, queue)).Status);
    }

    [Fact]
    public async Task HostNames_PickTheProduct_AtTheRootOfTheMainListener()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var port = ctx.Host.BaseAddress.Port;
        // Names as Alibaba's hosts are named, all resolved to the emulator's loopback port.
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
        var dysmsapi = new RpcTestClient(http, new Uri($"http://dysmsapi.localhost:{port}/"), ctx.Now);
        Assert.Equal("OK", (await dysmsapi.V3Async("SendSms", SendSms, product: "")).Code);
        Assert.Equal("OK", (await dysmsapi.V1Async("SendSms", SendSms, product: "")).Code);

        var queue = ctx.QueueName("SmsReport");
        for (var i = 0; i < 100 && ctx.State.QueueCounts(queue).Visible < 2; i++)
        {
            await Task.Delay(50, Ct);
        }
        var token = await MnsTestClient.TokenAsync(new RpcTestClient(http, new Uri($"http://dybaseapi.localhost:{port}/"), ctx.Now), queue, "SmsReport", product: "");
        var mns = new MnsTestClient(http, new Uri($"http://1234567890.mns.cn-hangzhou.localhost:{port}/"), ctx.Now, mount: "");
        var (status, messages, raw) = await mns.ReceiveAsync(token, queue);
        Assert.True(status == HttpStatusCode.OK, raw);
        Assert.Equal(2, messages.Count);
    }
}
