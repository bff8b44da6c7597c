using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Notifications;
using Qunfa.Aliyun.Sms;

namespace Qunfa.Aliyun.Tests.Contract;

public sealed class MnsContractTests
{
    [Fact]
    public async Task QueryTokenForMnsQueue_IssuesATokenForTheAccountQueue()
    {
        await using var host = await EmulatorContractHost.StartAsync();
        var queue = MnsQueue.ForAccount("1234567890", MnsQueue.SmsReport);

        var token = await host.Mns.QueryTokenForMnsQueueAsync(queue, TestContext.Current.CancellationToken);

        Assert.False(string.IsNullOrEmpty(token.SecurityToken));
        Assert.True(token.ExpireTime > DateTimeOffset.UtcNow.AddMinutes(30));
    }

    [Fact]
    public async Task SmsReport_ReceivedDecodedAndDeleted()
    {
        await using var host = await EmulatorContractHost.StartAsync();
        host.SeedSenderSetup();
        var ct = TestContext.Current.CancellationToken;
        var queue = MnsQueue.ForAccount("1234567890", MnsQueue.SmsReport);
        Assert.Equal(host.State.QueueName(MnsQueue.SmsReport), queue.QueueName);
        var sent = await host.Sms.SendSmsAsync(
            new SendSmsRequest(["13800138000"], "群发科技", "SMS_100", new Dictionary<string, string> { ["code"] = "1" }, "out-7"), ct);

        var messages = await host.Mns.ReceiveAsync(queue, 16, 5, ct);
        var message = Assert.Single(messages);
        var report = SmsReportParser.Parse(message.Body);
        var refused = await host.Mns.DeleteAsync(queue, [message.ReceiptHandle], ct);

        Assert.Equal(sent.BizId, report.BizId);
        Assert.Equal("out-7", report.OutId);
        Assert.Equal(DeliveryState.Delivered, report.State);
        Assert.Equal("13800138000", report.PhoneNumber);
        Assert.Empty(refused);
        Assert.Equal(new Qunfa.Emulators.EmulatorQueueCounts(0, 0), host.State.QueueCounts(queue.QueueName));
        Assert.Empty(await host.Mns.ReceiveAsync(queue, 16, 0, ct));
    }

    [Fact]
    public async Task SmsUp_Received()
    {
        await using var host = await EmulatorContractHost.StartAsync();
        host.SeedSenderSetup();
        var queue = MnsQueue.ForAccount("1234567890", MnsQueue.SmsUp);
        host.Emulator.InjectSmsUp("13800138000", "TD", "群发科技");

        var message = Assert.Single(await host.Mns.ReceiveAsync(queue, 16, 1, TestContext.Current.CancellationToken));
        var inbound = SmsUpParser.Parse(message.Body);

        Assert.Equal("TD", inbound.Content);
        Assert.Equal("13800138000", inbound.PhoneNumber);
    }
}
