using System.Net;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Sms;
using Qunfa.Aliyun.Tests.Client.Support;

namespace Qunfa.Aliyun.Tests.Client.Sms;

public sealed class SendSmsClientTests : IDisposable
{
    private readonly AliyunTestHost host = new();

    private static SendSmsRequest Request => new(["13800000001"], "阿里云", "SMS_1", new Dictionary<string, string> { ["code"] = "1234" }, "out-1");

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Success_ReturnsBizIdAndSendsSignedV3Post()
    {
        host.Handler.RespondJson("""{"Message":"OK","RequestId":"R1","BizId":"900619746936498440^0","Code":"OK"}""");

        var result = await host.Sms.SendSmsAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(new SubmitResult(AliyunOutcome.Ok, "900619746936498440^0", "R1", "OK", "OK"), result);
        Assert.True(result.IsAccepted);
        var request = host.SingleRequest;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("dysmsapi.aliyuncs.com", request.Uri.Host);
        Assert.Equal("13800000001", request.Query["PhoneNumbers"]);
        Assert.Equal("{\"code\":\"1234\"}", request.Query["TemplateParam"]);
        Assert.Equal("SendSms", request.Headers["x-acs-action"]);
        Assert.Equal("2017-05-25", request.Headers["x-acs-version"]);
        Assert.Equal("2026-03-01T02:00:00Z", request.Headers["x-acs-date"]);
        Assert.Empty(request.Body ?? []);
        RequestAssert.HasValidV3Signature(request, "test-ak", "test-secret");
    }

    [Fact]
    public async Task V1Option_SignsWithHmacSha1()
    {
        using var v1 = new AliyunTestHost(o => o.SignatureVersion = AliyunSignatureVersion.V1);
        v1.Handler.RespondJson("""{"Code":"OK","BizId":"b","RequestId":"r"}""");

        await v1.Sms.SendSmsAsync(Request, TestContext.Current.CancellationToken);

        var request = v1.SingleRequest;
        Assert.Equal("test-ak", request.Query["AccessKeyId"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        RequestAssert.HasValidV1Signature(request, "test-secret");
    }

    [Theory]
    [InlineData("isv.BUSINESS_LIMIT_CONTROL", "触发天级流控Permits:10", AliyunOutcome.FlowControlled)]
    [InlineData("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号", AliyunOutcome.PermanentNumberFailure)]
    [InlineData("isv.SMS_SIGNATURE_ILLEGAL", "签名不合法", AliyunOutcome.PermanentRequestFailure)]
    [InlineData("isp.SYSTEM_ERROR", "系统错误", AliyunOutcome.Retryable)]
    public async Task BusinessError_Http200_IsMappedNotThrown(string code, string message, AliyunOutcome expected)
    {
        host.Handler.RespondJson($$"""{"Message":"{{message}}","RequestId":"R2","Code":"{{code}}"}""");

        var result = await host.Sms.SendSmsAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(new SubmitResult(expected, null, "R2", code, message), result);
    }

    [Fact]
    public async Task GatewayError_SignatureDoesNotMatch()
    {
        host.Handler.RespondJson(
            """{"RequestId":"R3","HostId":"dysmsapi.aliyuncs.com","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&x","Recommend":"https://x"}""",
            HttpStatusCode.BadRequest);

        var result = await host.Sms.SendSmsAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(AliyunOutcome.PermanentRequestFailure, result.Outcome);
        Assert.Equal("SignatureDoesNotMatch", result.Code);
        Assert.Contains("server string to sign is", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_IsRetryableButNotRetriedAutomatically()
    {
        host.Handler.RespondJson("""{"RequestId":"R","Code":"Throttling.User","Message":"Request was denied due to user flow control."}""", HttpStatusCode.BadRequest);

        var result = await host.Sms.SendSmsAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(AliyunOutcome.Retryable, result.Outcome);
        Assert.Single(host.Handler.Requests);
    }

    [Fact]
    public async Task ServerError_IsRetryable_AndSentOnlyOnce()
    {
        host.Handler.Respond(HttpStatusCode.ServiceUnavailable, "<html>busy</html>", "text/html");

        var result = await host.Sms.SendSmsAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(AliyunOutcome.Retryable, result.Outcome);
        Assert.Equal("<html>busy</html>", result.Message);
        Assert.Single(host.Handler.Requests);
    }

    [Fact]
    public async Task GatewayTimeout_IsAmbiguous()
    {
        host.Handler.Respond(HttpStatusCode.GatewayTimeout);
        var result = await host.Sms.SendSmsAsync(Request, TestContext.Current.CancellationToken);
        Assert.True(result.IsAmbiguous);
    }

    [Fact]
    public async Task DroppedConnectionAfterSending_IsAmbiguous()
    {
        host.Handler.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        var result = await host.Sms.SendSmsAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(AliyunOutcome.Ambiguous, result.Outcome);
        Assert.Null(result.BizId);
        Assert.Single(host.Handler.Requests);
    }

    [Fact]
    public async Task ConnectionRefused_IsRetryable()
    {
        host.Handler.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        var result = await host.Sms.SendSmsAsync(Request, TestContext.Current.CancellationToken);
        Assert.Equal(AliyunOutcome.Retryable, result.Outcome);
    }

    [Fact]
    public async Task AttemptTimeout_IsAmbiguous_AndNotRetried()
    {
        host.Handler.Hang();

        var sending = host.Sms.SendSmsAsync(Request, TestContext.Current.CancellationToken);
        await WaitForRequests(1);
        host.Time.Advance(TimeSpan.FromSeconds(11));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(AliyunOutcome.Ambiguous, result.Outcome);
        Assert.Single(host.Handler.Requests);
    }

    [Fact]
    public async Task CallerCancellation_Propagates()
    {
        host.Handler.Hang();
        using var cts = new CancellationTokenSource();
        var sending = host.Sms.SendSmsAsync(Request, cts.Token);
        await WaitForRequests(1);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    [Fact]
    public async Task SendBatchSms_ReturnsBizId()
    {
        host.Handler.RespondJson("""{"Code":"OK","Message":"OK","BizId":"B9","RequestId":"R9"}""");

        var result = await host.Sms.SendBatchSmsAsync(
            new SendBatchSmsRequest([new BatchSmsRecipient("13800000001", "甲")], "SMS_2"),
            TestContext.Current.CancellationToken);

        Assert.Equal("B9", result.BizId);
        Assert.Equal("SendBatchSms", host.SingleRequest.Headers["x-acs-action"]);
        Assert.Equal("[\"13800000001\"]", host.SingleRequest.Query["PhoneNumberJson"]);
    }

    [Fact]
    public async Task WithCredentials_OverridesTheProviderForThatClient()
    {
        host.Handler.RespondJson("""{"Code":"OK","BizId":"b"}""").RespondJson("""{"Code":"OK","BizId":"b"}""");

        await host.Sms.WithCredentials(new AliyunCredentials("tenant-ak", "tenant-secret")).SendSmsAsync(Request, TestContext.Current.CancellationToken);
        await host.Sms.SendSmsAsync(Request, TestContext.Current.CancellationToken);

        RequestAssert.HasValidV3Signature(host.Handler.Requests[0], "tenant-ak", "tenant-secret");
        RequestAssert.HasValidV3Signature(host.Handler.Requests[1], "test-ak", "test-secret");
    }

    private async Task WaitForRequests(int count)
    {
        for (var i = 0; i < 500 && host.Handler.Requests.Count < count; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Equal(count, host.Handler.Requests.Count);
    }
}
