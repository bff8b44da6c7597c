using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Qunfa.Aliyun.Tests.Emulator;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task ServerErrorsHappenBeforeAnythingIsRecorded()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.ServerErrorRate = 1);
        var r = await ctx.SendSmsAsync("13800138000");
        Assert.True((int)r.Status >= 500);
        Assert.Contains(r.Code, new[] { "InternalError", "ServiceUnavailable" });
        Assert.Empty(ctx.State.MessagesTo("13800138000"));
        Assert.Equal(1, ctx.State.Counters.InjectedServerErrors);
    }

    [Fact]
    public async Task DroppedConnectionStillSendsTheMessage()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.DropAfterAcceptRate = 1);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => ctx.SendSmsAsync("13800138000"));
        Assert.Single(ctx.State.MessagesTo("13800138000"));
        Assert.Equal(1, ctx.State.Counters.DroppedConnections);

        ctx.State.Options.DropAfterAcceptRate = 0;
        Assert.Equal("OK", (await ctx.SendSmsAsync("13800138000")).Code);
    }

    [Fact]
    public async Task FaultsCanBeLimitedToSomeActions()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o =>
        {
            o.ServerErrorRate = 1;
            o.FaultActions.Add("SendSms");
        });
        Assert.Equal("OK", (await ctx.Rpc.V1Async("QuerySmsSignList", new Dictionary<string, string>())).Code);
        Assert.True((int)(await ctx.SendSmsAsync("13800138000")).Status >= 500);
    }

    [Fact]
    public async Task DuplicateReportsAreDelivered()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o =>
        {
            o.DuplicateReportRate = 1;
            o.ReportDelay = TimeSpan.Zero;
        });
        var queue = ctx.QueueName("SmsReport");
        var token = await MnsTestClient.TokenAsync(ctx.Rpc, queue, "SmsReport");
        await ctx.SendSmsAsync("13800138000,13900139000");
        var messages = (await ctx.Mns.ReceiveAsync(token, queue)).Messages;
        Assert.Equal(4, messages.Count);
        Assert.Equal(2, messages.GroupBy(m => m.BodyJson).Count());
    }

    [Fact]
    public async Task LatencyDelaysResponses()
    {
        // On a held fake clock the answer cannot come before the latency timer has started, however busy the machine.
        var latency = TimeSpan.FromMilliseconds(300);
        var fake = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var clock = new TimerWatchingClock(fake, latency);
        await using var ctx = await EmulatorTestContext.StartAsync(o =>
        {
            o.Latency = latency;
            o.TimeProvider = clock;
        });
        var send = ctx.SendSmsAsync("13800138000");
        await Task.WhenAny(clock.Started, send);
        Assert.True(clock.Started.IsCompleted, "answered without waiting for the latency");
        Assert.False(send.IsCompleted);
        fake.Advance(latency);
        Assert.Equal("OK", (await send).Code);
    }

    [Fact]
    public async Task SeededFaultsAreReproducible()
    {
        async Task<string> Pattern()
        {
            await using var ctx = await EmulatorTestContext.StartAsync(o => { o.ServerErrorRate = 0.5; o.Seed = 7; });
            var codes = new List<string>();
            for (var i = 0; i < 12; i++)
            {
                codes.Add((await ctx.SendSmsAsync($"1380013{i:D4}")).Status == HttpStatusCode.OK ? "." : "x");
            }
            return string.Concat(codes);
        }
        var first = await Pattern();
        Assert.Equal(first, await Pattern());
        Assert.Contains("x", first);
        Assert.Contains(".", first);
    }

    [Fact]
    public async Task MnsFaultsAreOptIn()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.FaultActions.Add("SendSms"));
        var queue = ctx.QueueName("SmsReport");
        var token = await MnsTestClient.TokenAsync(ctx.Rpc, queue, "SmsReport");
        ctx.State.Options.ServerErrorRate = 1;
        Assert.Equal(HttpStatusCode.NotFound, (await ctx.Mns.ReceiveAsync(token, queue)).Status);
        ctx.State.Options.MnsFaults = true;
        Assert.Equal(HttpStatusCode.InternalServerError, (await ctx.Mns.ReceiveAsync(token, queue)).Status);
    }
}
