using System.Diagnostics;
using Qunfa.Emulators;

namespace Qunfa.Aliyun.Tests.Emulator;

/// <summary>SmsReports POSTed as JSON arrays to ReportPushUrl instead of the MNS queue (Alibaba's HTTP batch push).</summary>
public sealed class ReportPushTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException("Still waiting for " + what);
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static Task<EmulatorTestContext> StartAsync(PushReceiver receiver, Action<EmulatorOptions>? configure = null) =>
        EmulatorTestContext.StartAsync(o =>
        {
            o.ReportDelay = TimeSpan.Zero;
            o.ReportPushUrl = receiver.Url;
            o.ReportPushRetryDelays = [Short, Short, Short];
            configure?.Invoke(o);
        });

    [Fact]
    public async Task ReportsArriveAsArraysOfTheConfiguredSize_WithEveryField_AndNothingInMns()
    {
        await using var receiver = await PushReceiver.StartAsync();
        await using var ctx = await StartAsync(receiver, o => o.ReportPushBatchSize = 3);

        var sent = await ctx.SendSmsAsync("13800138000,13800138011,13800138022,13800138033,13900000001,13800138055,13800138066");
        var bizId = sent.Json.GetProperty("BizId").GetString()!;
        await UntilAsync(() => ctx.State.Counters.ReportsPushed == 7, "7 pushed reports");

        var pushes = receiver.Received;
        Assert.Equal([1, 3, 3], pushes.Select(p => p.Reports.Count).Order());
        Assert.All(pushes, p => Assert.Equal("application/json; charset=utf-8", p.ContentType));
        var reports = pushes.SelectMany(p => p.Reports).ToDictionary(r => r.GetProperty("phone_number").GetString()!);
        Assert.Equal(7, reports.Count);
        var ok = reports["13800138000"];
        Assert.True(ok.GetProperty("success").GetBoolean());
        Assert.Equal("DELIVERED", ok.GetProperty("err_code").GetString());
        Assert.Equal("用户接收成功", ok.GetProperty("err_msg").GetString());
        Assert.Equal(bizId, ok.GetProperty("biz_id").GetString());
        Assert.Equal("1", ok.GetProperty("sms_size").GetString());
        Assert.Equal("", ok.GetProperty("out_id").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", ok.GetProperty("send_time").GetString()!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", ok.GetProperty("report_time").GetString()!);
        var failed = reports["13900000001"];
        Assert.False(failed.GetProperty("success").GetBoolean());
        Assert.Equal("MOBILE_NOT_ON_SERVICE", failed.GetProperty("err_code").GetString());
        Assert.Equal("停机或空号", failed.GetProperty("err_msg").GetString());
        Assert.Contains("\"停机或空号\"", pushes.Single(p => p.Body.Contains("13900000001", StringComparison.Ordinal)).Body);

        Assert.Equal(3, ctx.State.Counters.PushRequests);
        Assert.Equal(0, ctx.State.Counters.PushFailures);
        Assert.Equal(new EmulatorQueueCounts(0, 0), ctx.State.QueueCounts(ctx.QueueName("SmsReport")));
    }

    [Fact]
    public async Task ReportsOfSeveralSendsShareAnArray_WhileTheReceiverIsBusy()
    {
        await using var receiver = await PushReceiver.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Answer = async (n, ct) =>
        {
            if (n == 1)
            {
                await release.Task.WaitAsync(ct);
            }
            return (200, PushReceiver.Acknowledgement);
        };
        await using var ctx = await StartAsync(receiver, o => o.ReportPushConcurrency = 1);

        await ctx.SendSmsAsync("13800138000");
        await UntilAsync(() => receiver.Received.Count == 1, "the first push");
        var second = (await ctx.SendSmsAsync("13800138011,13800138022")).Json.GetProperty("BizId").GetString();
        var third = (await ctx.SendSmsAsync("13800138033")).Json.GetProperty("BizId").GetString();
        await UntilAsync(() => ctx.State.Counters.ReportedMessages == 4, "every report");
        release.SetResult();

        await UntilAsync(() => ctx.State.Counters.ReportsPushed == 4, "4 pushed reports");
        var combined = receiver.Received.Single(p => p.Number == 2).Reports;
        Assert.Equal(["13800138011", "13800138022", "13800138033"], combined.Select(r => r.GetProperty("phone_number").GetString()));
        Assert.Equal([second, second, third], combined.Select(r => r.GetProperty("biz_id").GetString()));
        Assert.Equal(2, ctx.State.Counters.PushRequests);
    }

    [Fact]
    public async Task UnacknowledgedPushes_AreSentAgainAfterTheDelays_WithTheSameArray()
    {
        await using var receiver = await PushReceiver.StartAsync();
        receiver.Answer = async (n, ct) =>
        {
            switch (n)
            {
                case 1:
                    return (503, "");
                case 2:
                    // Not answered within ReportPushTimeout.
                    await Task.Delay(TimeSpan.FromSeconds(30), ct);
                    return (200, PushReceiver.Acknowledgement);
                case 3:
                    return (200, """{"code":1,"msg":"失败"}""");
                default:
                    return (200, PushReceiver.Acknowledgement);
            }
        };
        await using var ctx = await StartAsync(receiver, o => o.ReportPushTimeout = TimeSpan.FromMilliseconds(300));

        await ctx.SendSmsAsync("13800138000,13900000001");
        await UntilAsync(() => ctx.State.Counters.ReportsPushed == 2, "the acknowledged push");

        var attempts = receiver.Received;
        Assert.Equal(4, attempts.Count);
        Assert.Single(attempts.Select(a => a.Body).Distinct());
        Assert.Equal(2, attempts[0].Reports.Count);
        Assert.Equal(4, ctx.State.Counters.PushRequests);
        Assert.Equal(3, ctx.State.Counters.PushFailures);
        Assert.Equal(3, ctx.State.Counters.PushRetries);
        Assert.Equal(0, ctx.State.Counters.PushesGivenUp);
    }

    [Fact]
    public async Task APushStillRefusedAfterTheLastRetry_IsGivenUp()
    {
        await using var receiver = await PushReceiver.StartAsync();
        receiver.Answer = (_, _) => Task.FromResult((503, ""));
        await using var ctx = await StartAsync(receiver, o => o.ReportPushRetryDelays = [Short, Short]);

        await ctx.SendSmsAsync("13800138000");
        await UntilAsync(() => ctx.State.Counters.PushesGivenUp == 1, "the push to be given up");

        Assert.Equal(3, receiver.Received.Count);
        Assert.Equal(3, ctx.State.Counters.PushRequests);
        Assert.Equal(2, ctx.State.Counters.PushRetries);
        Assert.Equal(0, ctx.State.Counters.ReportsPushed);
    }

    [Fact]
    public async Task DuplicateReportsArePushedToo()
    {
        await using var receiver = await PushReceiver.StartAsync();
        await using var ctx = await StartAsync(receiver, o => o.DuplicateReportRate = 1);

        await ctx.SendSmsAsync("13800138000,13900139000");
        await UntilAsync(() => ctx.State.Counters.ReportsPushed == 4, "4 pushed reports");

        var reports = receiver.Received.SelectMany(p => p.Reports).Select(r => r.GetRawText()).ToList();
        Assert.Equal(4, reports.Count);
        Assert.Equal(2, reports.Distinct().Count());
        Assert.Equal(2, ctx.State.Counters.DuplicateReports);
    }

    [Fact]
    public async Task APushInFlightDoesNotDelayShutdown()
    {
        // The receiver never answers and the push may wait 5 minutes: shutdown must cancel the POST itself, which the
        // receiver sees as its request aborted. Had shutdown waited instead, the push would end as a timed-out failure.
        await using var receiver = await PushReceiver.StartAsync();
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Answer = async (_, ct) =>
        {
            using var signal = ct.Register(() => aborted.TrySetResult());
            await Task.Delay(Timeout.Infinite, ct);
            return (200, PushReceiver.Acknowledgement);
        };
        var ctx = await StartAsync(receiver, o => o.ReportPushTimeout = TimeSpan.FromMinutes(5));
        await ctx.SendSmsAsync("13800138000");
        await UntilAsync(() => receiver.Received.Count == 1, "the push");

        await ctx.DisposeAsync();
        await aborted.Task.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, ctx.State.Counters.PushFailures);
        Assert.Equal(1, ctx.State.Counters.PushRequests);
    }
}
