using System.Net;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Notifications;
using Qunfa.Aliyun.Signing;
using Qunfa.Aliyun.Tests.Client.Support;

namespace Qunfa.Aliyun.Tests.Client.Mns;

public sealed class MnsConsumerTests : IDisposable
{
    private static readonly MnsQueue Queue = MnsQueue.ForAccount("1234567890", MnsQueue.SmsReport);

    private readonly AliyunTestHost host = new();

    public void Dispose() => host.Dispose();

    // The host clock starts at 2026-03-01 02:00 UTC = 10:00 in Shanghai.
    private static string TokenJson(string suffix, string expireShanghai = "2026-03-01 11:00:00") => $$$"""
        {"Code":"OK","Message":"OK","RequestId":"T","MessageTokenDTO":{"AccessKeyId":"STS.ak{{{suffix}}}","AccessKeySecret":"sts-secret{{{suffix}}}",
         "SecurityToken":"token{{{suffix}}}","CreateTime":"2026-03-01 10:00:00","ExpireTime":"{{{expireShanghai}}}"}}
        """;

    private const string EmptyQueue = """<Error xmlns="http://mns.aliyuncs.com/doc/v1/"><Code>MessageNotExist</Code><Message>Message not exist.</Message><RequestId>R</RequestId><HostId>h</HostId></Error>""";

    [Fact]
    public async Task Receive_FetchesTokenThenPollsWithSignedRequest()
    {
        host.Handler.RespondJson(TokenJson("1")).RespondXml(MnsXmlTests.MessagesXml(("M1", "H1", MnsXmlTests.ReportJson)));

        var messages = await host.Mns.ReceiveAsync(Queue, 16, 10, TestContext.Current.CancellationToken);

        var tokenRequest = host.Handler.Requests[0];
        Assert.Equal("dybaseapi.aliyuncs.com", tokenRequest.Uri.Host);
        Assert.Equal("QueryTokenForMnsQueue", tokenRequest.Query["Action"]);
        Assert.Equal("SmsReport", tokenRequest.Query["MessageType"]);
        Assert.Equal("Alicom-Queue-1234567890-SmsReport", tokenRequest.Query["QueueName"]);
        RequestAssert.HasValidV1Signature(tokenRequest, "test-secret");

        var poll = host.Handler.Requests[1];
        Assert.Equal(HttpMethod.Get, poll.Method);
        Assert.Equal("https://1943695596114318.mns.cn-hangzhou.aliyuncs.com/queues/Alicom-Queue-1234567890-SmsReport/messages?numOfMessages=16&waitseconds=10", poll.Uri.AbsoluteUri);
        Assert.Equal("2015-06-06", poll.Headers["x-mns-version"]);
        Assert.Equal("token1", poll.Headers["security-token"]);
        Assert.Equal("Sun, 01 Mar 2026 02:00:00 GMT", poll.Headers["Date"]);
        var expected = MnsSignature.Sign(
            MnsSignature.StringToSign("GET", null, null, poll.Headers["Date"], [new("x-mns-version", "2015-06-06")], "/queues/Alicom-Queue-1234567890-SmsReport/messages?numOfMessages=16&waitseconds=10"),
            "sts-secret1");
        Assert.Equal("MNS STS.ak1:" + expected, poll.Headers["Authorization"]);

        var report = Assert.Single(messages).ToDeliveryReport();
        Assert.Equal("900619746936498440^0", report.BizId);
    }

    [Fact]
    public async Task EmptyQueue_ReturnsNoMessages()
    {
        host.Handler.RespondJson(TokenJson("1")).RespondXml(EmptyQueue, HttpStatusCode.NotFound);
        Assert.Empty(await host.Mns.ReceiveAsync(Queue, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Token_IsReusedUntilTwoMinutesBeforeExpiry_ThenRefreshed()
    {
        host.Handler
            .RespondJson(TokenJson("1")).RespondXml(EmptyQueue, HttpStatusCode.NotFound)
            .RespondXml(EmptyQueue, HttpStatusCode.NotFound)
            .RespondJson(TokenJson("2", "2026-03-01 12:00:00")).RespondXml(EmptyQueue, HttpStatusCode.NotFound);
        var ct = TestContext.Current.CancellationToken;

        await host.Mns.ReceiveAsync(Queue, cancellationToken: ct);
        host.Time.Advance(TimeSpan.FromMinutes(57) + TimeSpan.FromSeconds(59)); // 10:57:59, still more than 2 minutes left
        await host.Mns.ReceiveAsync(Queue, cancellationToken: ct);
        host.Time.Advance(TimeSpan.FromSeconds(1)); // 10:58:00, exactly 2 minutes left
        await host.Mns.ReceiveAsync(Queue, cancellationToken: ct);

        var actions = host.Handler.Requests.Select(r => r.Uri.Host.StartsWith("dybaseapi", StringComparison.Ordinal) ? "token" : r.Headers["security-token"]).ToList();
        Assert.Equal(["token", "token1", "token1", "token", "token2"], actions);
    }

    [Fact]
    public async Task Tokens_AreKeptPerQueue()
    {
        var upQueue = MnsQueue.ForAccount("1234567890", MnsQueue.SmsUp);
        host.Handler
            .RespondJson(TokenJson("1")).RespondXml(EmptyQueue, HttpStatusCode.NotFound)
            .RespondJson(TokenJson("2")).RespondXml(EmptyQueue, HttpStatusCode.NotFound);

        await host.Mns.ReceiveAsync(Queue, cancellationToken: TestContext.Current.CancellationToken);
        await host.Mns.ReceiveAsync(upQueue, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("SmsUp", host.Handler.Requests[2].Query["MessageType"]);
        Assert.Equal("token2", host.Handler.Requests[3].Headers["security-token"]);
    }

    [Fact]
    public async Task AccessDenied_InvalidatesTokenAndThrows()
    {
        host.Handler
            .RespondJson(TokenJson("1"))
            .RespondXml("<Error><Code>AccessDenied</Code><Message>expired</Message><RequestId>R</RequestId></Error>", HttpStatusCode.Forbidden)
            .RespondJson(TokenJson("2")).RespondXml(EmptyQueue, HttpStatusCode.NotFound);

        var ex = await Assert.ThrowsAsync<AliyunApiException>(() => host.Mns.ReceiveAsync(Queue, cancellationToken: TestContext.Current.CancellationToken));
        await host.Mns.ReceiveAsync(Queue, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("AccessDenied", ex.Code);
        Assert.Equal(AliyunOutcome.PermanentRequestFailure, ex.Outcome);
        Assert.Equal("token2", host.Handler.Requests[3].Headers["security-token"]);
    }

    [Fact]
    public async Task BatchDelete_SendsXmlAndReportsRefusedHandles()
    {
        host.Handler
            .RespondJson(TokenJson("1"))
            .Respond(HttpStatusCode.NoContent)
            .RespondXml("<Errors xmlns=\"http://mns.aliyuncs.com/doc/v1/\"><Error><ErrorCode>ReceiptHandleError</ErrorCode><ErrorMessage>x</ErrorMessage><ReceiptHandle>H2</ReceiptHandle></Error></Errors>", HttpStatusCode.NotFound);

        var none = await host.Mns.DeleteAsync(Queue, ["H1"], TestContext.Current.CancellationToken);
        var refused = await host.Mns.DeleteAsync(Queue, ["H1", "H2"], TestContext.Current.CancellationToken);

        Assert.Empty(none);
        Assert.Equal(["H2"], refused);
        var delete = host.Handler.Requests[1];
        Assert.Equal(HttpMethod.Delete, delete.Method);
        Assert.Equal("/queues/Alicom-Queue-1234567890-SmsReport/messages", delete.Uri.AbsolutePath);
        Assert.Equal("text/xml", delete.Headers["Content-Type"]);
        Assert.Contains("<ReceiptHandle>H1</ReceiptHandle>", delete.BodyText, StringComparison.Ordinal);
        var expected = MnsSignature.Sign(
            MnsSignature.StringToSign("DELETE", null, "text/xml", delete.Headers["Date"], [new("x-mns-version", "2015-06-06")], "/queues/Alicom-Queue-1234567890-SmsReport/messages"),
            "sts-secret1");
        Assert.Equal("MNS STS.ak1:" + expected, delete.Headers["Authorization"]);
    }

    [Fact]
    public async Task BatchDelete_SplitsIntoCallsOfSixteen()
    {
        host.Handler.RespondJson(TokenJson("1")).Respond(HttpStatusCode.NoContent).Respond(HttpStatusCode.NoContent);
        var handles = Enumerable.Range(0, 20).Select(i => "H" + i).ToList();

        Assert.Empty(await host.Mns.DeleteAsync(Queue, handles, TestContext.Current.CancellationToken));

        Assert.Equal(16, host.Handler.Requests[1].BodyText.Split("<ReceiptHandle>").Length - 1);
        Assert.Equal(4, host.Handler.Requests[2].BodyText.Split("<ReceiptHandle>").Length - 1);
    }

    [Fact]
    public async Task BasePathEndpoint_SignsResourceWithoutBasePath_AndTokenMayCarryEndpoint()
    {
        using var local = new AliyunTestHost(o =>
        {
            o.MnsEndpoint = null;
            o.DybaseEndpoint = new Uri("http://127.0.0.1:5000/dybaseapi/");
        });
        local.Handler
            .RespondJson("""{"Code":"OK","MessageTokenDTO":{"AccessKeyId":"a","AccessKeySecret":"s","SecurityToken":"t","ExpireTime":"2026-03-01 11:00:00","MnsEndpoint":"http://127.0.0.1:5000/mns"}}""")
            .RespondXml(EmptyQueue, HttpStatusCode.NotFound);

        await local.Mns.ReceiveAsync(Queue, 1, 0, TestContext.Current.CancellationToken);

        Assert.Equal("/dybaseapi/", local.Handler.Requests[0].Uri.AbsolutePath);
        var poll = local.Handler.Requests[1];
        Assert.Equal("http://127.0.0.1:5000/mns/queues/Alicom-Queue-1234567890-SmsReport/messages?numOfMessages=1&waitseconds=0", poll.Uri.AbsoluteUri);
        var expected = MnsSignature.Sign(
            MnsSignature.StringToSign("GET", null, null, poll.Headers["Date"], [new("x-mns-version", "2015-06-06")], "/queues/Alicom-Queue-1234567890-SmsReport/messages?numOfMessages=1&waitseconds=0"),
            "s");
        Assert.Equal("MNS a:" + expected, poll.Headers["Authorization"]);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(17, 10)]
    [InlineData(16, 31)]
    public async Task Receive_ValidatesLimits(int max, int wait) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Mns.ReceiveAsync(Queue, max, wait, TestContext.Current.CancellationToken));

    [Fact]
    public async Task QueryTokenForMnsQueue_ParsesShanghaiExpiry()
    {
        host.Handler.RespondJson(TokenJson("1"));
        var token = await host.Mns.QueryTokenForMnsQueueAsync(Queue, TestContext.Current.CancellationToken);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero), token.ExpireTime);
        Assert.Equal("token1", token.SecurityToken);
        Assert.DoesNotContain("sts-secret", token.ToString(), StringComparison.Ordinal);
    }
}
