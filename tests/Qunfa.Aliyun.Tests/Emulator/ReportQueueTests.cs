using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Qunfa.Emulators;

namespace Qunfa.Aliyun.Tests.Emulator;

public sealed class ReportQueueTests
{
    [Fact]
    public async Task ReportsAppearAfterTheDelayAndCanBeReceivedAndDeleted()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.ReportDelay = TimeSpan.FromSeconds(10), fakeClock: true);
        var queue = ctx.QueueName("SmsReport");
        Assert.Equal("Alicom-Queue-1234567890-SmsReport", queue);
        var token = await MnsTestClient.TokenAsync(ctx.Rpc, queue, "SmsReport");

        var sent = await ctx.SendSmsAsync("13800138000,13900000001");
        var bizId = sent.Json.GetProperty("BizId").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await ctx.Mns.ReceiveAsync(token, queue)).Status);

        ctx.Fake!.Advance(TimeSpan.FromSeconds(10));
        var (status, messages, raw) = await ctx.Mns.ReceiveAsync(token, queue);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("xmlns=\"http://mns.aliyuncs.com/doc/v1/\"", raw);
        Assert.Equal(2, messages.Count);
        var reports = messages.Select(m => JsonDocument.Parse(m.BodyJson).RootElement).ToDictionary(r => r.GetProperty("phone_number").GetString()!);
        var ok = reports["13800138000"];
        Assert.True(ok.GetProperty("success").GetBoolean());
        Assert.Equal("DELIVERED", ok.GetProperty("err_code").GetString());
        Assert.Equal(bizId, ok.GetProperty("biz_id").GetString());
        Assert.Equal("1", ok.GetProperty("sms_size").GetString());
        var failed = reports["13900000001"];
        Assert.False(failed.GetProperty("success").GetBoolean());
        Assert.Equal("MOBILE_NOT_ON_SERVICE", failed.GetProperty("err_code").GetString());

        var (deleted, _) = await ctx.Mns.BatchDeleteAsync(token, queue, messages.Select(m => m.ReceiptHandle));
        Assert.Equal(HttpStatusCode.NoContent, deleted);
        ctx.Fake.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new EmulatorQueueCounts(0, 0), ctx.State.QueueCounts(queue));
    }

    [Fact]
    public async Task QuerySendDetailsAndStatisticsFollowTheReports()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.ReportDelay = TimeSpan.FromSeconds(10), fakeClock: true);
        var bizId = (await ctx.SendSmsAsync("13800138000,13900000001")).Json.GetProperty("BizId").GetString()!;
        var day = ctx.Now().ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd");

        async Task<JsonElement> Detail(string phone)
        {
            var r = await ctx.Rpc.V1Async("QuerySendDetails", new Dictionary<string, string>
            {
                ["PhoneNumber"] = phone, ["BizId"] = bizId, ["SendDate"] = day, ["PageSize"] = "10", ["CurrentPage"] = "1",
            });
            Assert.Equal("OK", r.Code);
            Assert.Equal("1", r.Json.GetProperty("TotalCount").GetString());
            return r.Json.GetProperty("SmsSendDetailDTOs").GetProperty("SmsSendDetailDTO")[0];
        }

        Assert.Equal(1, (await Detail("13800138000")).GetProperty("SendStatus").GetInt32());
        ctx.Fake!.Advance(TimeSpan.FromSeconds(10));
        var delivered = await Detail("13800138000");
        Assert.Equal(3, delivered.GetProperty("SendStatus").GetInt32());
        Assert.Equal("DELIVERED", delivered.GetProperty("ErrCode").GetString());
        Assert.Equal("【群发科技】您的订单A1已发货", delivered.GetProperty("Content").GetString());
        var failed = await Detail("13900000001");
        Assert.Equal(2, failed.GetProperty("SendStatus").GetInt32());
        Assert.Equal("MOBILE_NOT_ON_SERVICE", failed.GetProperty("ErrCode").GetString());

        var stats = await ctx.Rpc.V1Async("QuerySendStatistics", new Dictionary<string, string>
        {
            ["IsGlobe"] = "1", ["StartDate"] = day, ["EndDate"] = day, ["PageIndex"] = "1", ["PageSize"] = "10",
        });
        var target = stats.Json.GetProperty("Data").GetProperty("TargetList")[0];
        Assert.Equal(2, target.GetProperty("TotalCount").GetInt64());
        Assert.Equal(1, target.GetProperty("RespondedSuccessCount").GetInt64());
        Assert.Equal(1, target.GetProperty("RespondedFailCount").GetInt64());
        Assert.Equal(0, target.GetProperty("NoRespondedCount").GetInt64());
    }

    [Fact]
    public async Task UndeletedMessageReturnsAfterTheVisibilityTimeout()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.MnsVisibilityTimeout = TimeSpan.FromSeconds(30), fakeClock: true);
        var queue = ctx.QueueName("SmsReport");
        var token = await MnsTestClient.TokenAsync(ctx.Rpc, queue, "SmsReport");
        await ctx.SendSmsAsync("13800138000");
        ctx.Fake!.Advance(TimeSpan.FromSeconds(1));

        var first = (await ctx.Mns.ReceiveAsync(token, queue)).Messages.Single();
        Assert.Equal(1, first.DequeueCount);
        Assert.Equal(HttpStatusCode.NotFound, (await ctx.Mns.ReceiveAsync(token, queue)).Status);

        ctx.Fake.Advance(TimeSpan.FromSeconds(31));
        var again = (await ctx.Mns.ReceiveAsync(token, queue)).Messages.Single();
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.DequeueCount);
        Assert.NotEqual(first.ReceiptHandle, again.ReceiptHandle);

        var (stale, staleRaw) = await ctx.Mns.DeleteAsync(token, queue, first.ReceiptHandle);
        Assert.Equal(HttpStatusCode.BadRequest, stale);
        Assert.Contains("ReceiptHandleError", staleRaw);
        Assert.Equal(HttpStatusCode.NoContent, (await ctx.Mns.DeleteAsync(token, queue, again.ReceiptHandle)).Status);
    }

    [Fact]
    public async Task LongPollingReturnsAsSoonAsAReportArrives()
    {
        // On the fake clock the 10 s wait never runs out, so an answer can only come from the report's arrival. The
        // report is sent only once the poll has started that wait: a poll arriving after the report proves nothing.
        var reportDelay = TimeSpan.FromMilliseconds(300);
        var wait = TimeSpan.FromSeconds(10);
        var fake = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var clock = new TimerWatchingClock(fake, wait);
        await using var ctx = await EmulatorTestContext.StartAsync(o =>
        {
            o.ReportDelay = reportDelay;
            o.TimeProvider = clock;
        });
        var queue = ctx.QueueName("SmsReport");
        var token = await MnsTestClient.TokenAsync(ctx.Rpc, queue, "SmsReport");
        var poll = ctx.Mns.ReceiveAsync(token, queue, waitSeconds: (int)wait.TotalSeconds);
        await Task.WhenAny(clock.Started, poll);
        Assert.False(poll.IsCompleted, "the poll answered before it waited");
        await ctx.SendSmsAsync("13800138000");
        Assert.False(poll.IsCompleted, "the poll answered before any report was due");
        fake.Advance(reportDelay);
        var (status, messages, _) = await poll;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(messages);
    }

    [Fact]
    public async Task ExpiredStsTokenIsRejected()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.StsTokenLifetime = TimeSpan.FromMinutes(10), fakeClock: true);
        var queue = ctx.QueueName("SmsReport");
        var token = await MnsTestClient.TokenAsync(ctx.Rpc, queue, "SmsReport");
        Assert.Equal("2026-03-02 09:40:00", token.ExpireTime);
        Assert.Equal(HttpStatusCode.NotFound, (await ctx.Mns.ReceiveAsync(token, queue)).Status);

        ctx.Fake!.Advance(TimeSpan.FromMinutes(11));
        var (status, _, raw) = await ctx.Mns.ReceiveAsync(token, queue);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("<Code>AccessDenied</Code>", raw);
        Assert.Contains("expired", raw);
    }

    [Fact]
    public async Task MnsRejectsBadSignatureAndForeignQueue()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var queue = ctx.QueueName("SmsReport");
        var token = await MnsTestClient.TokenAsync(ctx.Rpc, queue, "SmsReport");

        var (badSig, _, badRaw) = await ctx.Mns.ReceiveAsync(token, queue, tamperedSecret: "wrong");
        Assert.Equal(HttpStatusCode.Forbidden, badSig);
        Assert.Contains("SignatureDoesNotMatch", badRaw);

        var (foreign, _, foreignRaw) = await ctx.Mns.ReceiveAsync(token, ctx.QueueName("SmsUp"));
        Assert.Equal(HttpStatusCode.Forbidden, foreign);
        Assert.Contains("AccessDenied", foreignRaw);

        var wrongQueue = await ctx.Rpc.V1Async("QueryTokenForMnsQueue",
            new Dictionary<string, string> { ["MessageType"] = "SmsReport", ["QueueName"] = "Alicom-Queue-999-SmsReport" }, product: "dybaseapi");
        Assert.NotEqual("OK", wrongQueue.Code);
    }

    [Fact]
    public async Task InjectedSmsUpArrivesOnTheSmsUpQueue()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var queue = ctx.QueueName("SmsUp");
        var token = await MnsTestClient.TokenAsync(ctx.Rpc, queue, "SmsUp");
        ctx.Host.InjectSmsUp("+8613800138000", "TD", EmulatorTestContext.Sign, "1234");
        var message = (await ctx.Mns.ReceiveAsync(token, queue)).Messages.Single();
        var body = JsonDocument.Parse(message.BodyJson).RootElement;
        Assert.Equal("13800138000", body.GetProperty("phone_number").GetString());
        Assert.Equal("TD", body.GetProperty("content").GetString());
        Assert.Equal("1234", body.GetProperty("dest_code").GetString());
    }

    [Fact]
    public async Task PendingLongPollDoesNotDelayShutdown()
    {
        // On the fake clock the poll never runs out by itself: its ordinary empty answer can only come from the shutdown.
        // Were the poll left waiting, the host would give up after its shutdown timeout and cut the connection instead.
        var ctx = await EmulatorTestContext.StartAsync(fakeClock: true);
        var queue = ctx.QueueName("SmsReport");
        var token = await MnsTestClient.TokenAsync(ctx.Rpc, queue, "SmsReport");
        var receivesBefore = ctx.State.Counters.MnsReceiveRequests;
        var poll = ctx.Mns.ReceiveAsync(token, queue, waitSeconds: 30);
        while (ctx.State.Counters.MnsReceiveRequests == receivesBefore)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        await ctx.Host.DisposeAsync();
        var (status, _, raw) = await poll;
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("MessageNotExist", raw);
        ctx.Http.Dispose();
    }
}
