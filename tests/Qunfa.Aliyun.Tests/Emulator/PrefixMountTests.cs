using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qunfa.Emulators;

namespace Qunfa.Aliyun.Tests.Emulator;

/// <summary>Mounted under a prefix (as the web app does), signatures are still computed as the real hosts see them.</summary>
public sealed class PrefixMountTests
{
    [Fact]
    public async Task SignaturesIgnoreTheMountPrefix()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAliyunEmulator(o => o.ReportDelay = TimeSpan.Zero);
        await using var app = builder.Build();
        app.MapAliyunEmulator("/emu/aliyun");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/emu/aliyun/");
        var state = app.Services.GetRequiredService<EmulatorState>();
        state.SeedSign(EmulatorTestContext.Sign);
        state.SeedTemplate(EmulatorTestContext.NotifyTemplate, "您的订单${order}已发货");

        using var http = new HttpClient();
        var rpc = new RpcTestClient(http, address, () => DateTimeOffset.UtcNow);
        var q = new Dictionary<string, string> { ["PhoneNumbers"] = "13800138000", ["SignName"] = EmulatorTestContext.Sign,
            ["TemplateCode"] = EmulatorTestContext.NotifyTemplate, ["TemplateParam"] = """{"order":"1"}""" };
        Assert.Equal("OK", (await rpc.V3Async("SendSms", q)).Code);
        Assert.Equal("OK", (await rpc.V1Async("SendSms", q, "GET")).Code);

        var queue = state.QueueName("SmsReport");
        var token = await MnsTestClient.TokenAsync(rpc, queue, "SmsReport");
        var mns = new MnsTestClient(http, address, () => DateTimeOffset.UtcNow);
        var (status, messages, _) = await mns.ReceiveAsync(token, queue);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, messages.Count);

        var info = await rpc.V1Async("GetOSSInfoForUploadFile", new Dictionary<string, string>());
        Assert.StartsWith(address + "oss", info.Json.GetProperty("Model").GetProperty("Host").GetString());
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
