using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Sms;

namespace Qunfa.Aliyun.Tests.Contract;

public sealed class SendContractTests
{
    private static SendSmsRequest Request(string number = "13800138000", string sign = "群发科技") =>
        new([number], sign, "SMS_100", new Dictionary<string, string> { ["code"] = "1234" }, "out-1");

    [Theory]
    [InlineData(AliyunSignatureVersion.V3)]
    [InlineData(AliyunSignatureVersion.V1)]
    public async Task SendSms_Success(AliyunSignatureVersion version)
    {
        await using var host = await EmulatorContractHost.StartAsync(o => o.SignatureVersion = version);
        host.SeedSenderSetup();

        var result = await host.Sms.SendSmsAsync(Request(), TestContext.Current.CancellationToken);

        Assert.Equal(AliyunOutcome.Ok, result.Outcome);
        Assert.NotNull(result.BizId);
        var sent = Assert.Single(host.State.MessagesOfBiz(result.BizId));
        Assert.Equal("【群发科技】您的验证码为1234", sent.Content);
    }

    [Fact]
    public async Task SendBatchSms_Success()
    {
        await using var host = await EmulatorContractHost.StartAsync();
        host.SeedSenderSetup();

        var result = await host.Sms.SendBatchSmsAsync(
            new SendBatchSmsRequest(
            [
                new BatchSmsRecipient("13800138000", "群发科技", new Dictionary<string, string> { ["code"] = "1" }),
                new BatchSmsRecipient("13800138001", "群发科技", new Dictionary<string, string> { ["code"] = "2" }),
            ], "SMS_100"),
            TestContext.Current.CancellationToken);

        Assert.Equal(AliyunOutcome.Ok, result.Outcome);
        Assert.Equal(2, host.State.MessagesOfBiz(result.BizId!).Count);
    }

    [Fact]
    public async Task InvalidNumber_IsPermanentNumberFailure()
    {
        await using var host = await EmulatorContractHost.StartAsync();
        host.SeedSenderSetup();
        var result = await host.Sms.SendSmsAsync(Request("12345"), TestContext.Current.CancellationToken);
        Assert.Equal(AliyunOutcome.PermanentNumberFailure, result.Outcome);
        Assert.Equal("isv.MOBILE_NUMBER_ILLEGAL", result.Code);
    }

    [Fact]
    public async Task UnknownSignature_IsPermanentRequestFailure()
    {
        await using var host = await EmulatorContractHost.StartAsync();
        host.SeedSenderSetup();
        var result = await host.Sms.SendSmsAsync(Request(sign: "别人的签名"), TestContext.Current.CancellationToken);
        Assert.Equal(AliyunOutcome.PermanentRequestFailure, result.Outcome);
        Assert.Equal("isv.SMS_SIGNATURE_ILLEGAL", result.Code);
    }

    [Fact]
    public async Task WrongSecret_IsSignatureDoesNotMatch()
    {
        await using var host = await EmulatorContractHost.StartAsync(o => o.AccessKeySecret = "wrong");
        host.SeedSenderSetup();
        var result = await host.Sms.SendSmsAsync(Request(), TestContext.Current.CancellationToken);
        Assert.Equal(AliyunOutcome.PermanentRequestFailure, result.Outcome);
        Assert.Equal("SignatureDoesNotMatch", result.Code);
    }

    [Fact]
    public async Task SecondVerificationCodeWithinAMinute_IsFlowControlled()
    {
        await using var host = await EmulatorContractHost.StartAsync();
        host.SeedSenderSetup(templateType: 0);

        var first = await host.Sms.SendSmsAsync(Request(), TestContext.Current.CancellationToken);
        var second = await host.Sms.SendSmsAsync(Request(), TestContext.Current.CancellationToken);

        Assert.Equal(AliyunOutcome.Ok, first.Outcome);
        Assert.Equal(AliyunOutcome.FlowControlled, second.Outcome);
        Assert.Equal("isv.BUSINESS_LIMIT_CONTROL", second.Code);
    }

    [Fact]
    public async Task ServerError_IsRetryable_AndNotRetried()
    {
        await using var host = await EmulatorContractHost.StartAsync(emulator: o => o.ServerErrorRate = 1);
        host.SeedSenderSetup();

        var result = await host.Sms.SendSmsAsync(Request(), TestContext.Current.CancellationToken);

        Assert.Equal(AliyunOutcome.Retryable, result.Outcome);
        Assert.Equal(1, host.State.Counters.InjectedServerErrors);
    }

    [Fact]
    public async Task DroppedConnectionAfterAccept_IsAmbiguous_AndTheMessageWasSent()
    {
        await using var host = await EmulatorContractHost.StartAsync(emulator: o => o.DropAfterAcceptRate = 1);
        host.SeedSenderSetup();

        var result = await host.Sms.SendSmsAsync(Request(), TestContext.Current.CancellationToken);

        Assert.Equal(AliyunOutcome.Ambiguous, result.Outcome);
        Assert.Single(host.State.MessagesTo("13800138000"));
    }

    [Fact]
    public async Task QuerySendDetails_AfterTheReceipt()
    {
        await using var host = await EmulatorContractHost.StartAsync();
        host.SeedSenderSetup();
        var sent = await host.Sms.SendSmsAsync(Request(), TestContext.Current.CancellationToken);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

        SendDetail? detail = null;
        for (var i = 0; i < 50 && detail?.State is not DeliveryState.Delivered; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            var page = await host.Sms.QuerySendDetailsAsync(new QuerySendDetailsRequest("13800138000", today, sent.BizId), TestContext.Current.CancellationToken);
            detail = Assert.Single(page.Items);
        }

        Assert.Equal(DeliveryState.Delivered, detail!.State);
        Assert.Equal("SMS_100", detail.TemplateCode);
        Assert.Equal("【群发科技】您的验证码为1234", detail.Content);
        Assert.Equal("out-1", detail.OutId);
    }
}
