using System.Net;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Sms;
using Qunfa.Aliyun.Tests.Client.Support;

namespace Qunfa.Aliyun.Tests.Client.Sms;

public sealed class QueryClientTests : IDisposable
{
    private readonly AliyunTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task QuerySendDetails_BuildsParametersAndParsesRows()
    {
        host.Handler.RespondJson("""
            {"TotalCount":"2","Message":"OK","RequestId":"R","Code":"OK","SmsSendDetailDTOs":{"SmsSendDetailDTO":[
              {"PhoneNum":"13800000001","SendStatus":3,"ErrCode":"DELIVERED","TemplateCode":"SMS_1","Content":"【阿里云】验证码1234","SendDate":"2026-03-01 10:00:00","ReceiveDate":"2026-03-01 10:00:05","OutId":"o1"},
              {"PhoneNum":"13800000001","SendStatus":"2","ErrCode":"MK:0001","SendDate":"2026-03-01 11:00:00"},
              {"PhoneNum":"13800000001","SendStatus":1}
            ]}}
            """);

        var page = await host.Sms.QuerySendDetailsAsync(new QuerySendDetailsRequest("13800000001", new DateOnly(2026, 3, 1), "biz", 10, 2), TestContext.Current.CancellationToken);

        var query = host.SingleRequest.Query;
        Assert.Equal("13800000001", query["PhoneNumber"]);
        Assert.Equal("20260301", query["SendDate"]);
        Assert.Equal("biz", query["BizId"]);
        Assert.Equal("10", query["PageSize"]);
        Assert.Equal("2", query["CurrentPage"]);
        Assert.Equal(2, page.TotalCount);
        Assert.Equal("R", page.RequestId);
        Assert.Equal(
            new SendDetail("13800000001", DeliveryState.Delivered, "DELIVERED", "SMS_1", "【阿里云】验证码1234",
                new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 3, 1, 10, 0, 5, TimeSpan.FromHours(8)), "o1"),
            page.Items[0]);
        Assert.Equal(DeliveryState.Failed, page.Items[1].State);
        Assert.Equal(DeliveryState.Pending, page.Items[2].State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public async Task QuerySendDetails_ValidatesPageSize(int pageSize) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            host.Sms.QuerySendDetailsAsync(new QuerySendDetailsRequest("1", default, PageSize: pageSize), TestContext.Current.CancellationToken));

    [Fact]
    public async Task QuerySendDetails_ToleratesNumericTotalAndEmptyList()
    {
        host.Handler.RespondJson("""{"TotalCount":0,"Code":"OK","SmsSendDetailDTOs":{}}""");
        var page = await host.Sms.QuerySendDetailsAsync(new QuerySendDetailsRequest("13800000001", new DateOnly(2026, 3, 1)), TestContext.Current.CancellationToken);
        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Query_RetriesTransientFailures_EachAttemptFreshlySigned()
    {
        host.Handler
            .Respond(HttpStatusCode.ServiceUnavailable)
            .RespondJson("""{"Code":"isp.SYSTEM_ERROR","Message":"x"}""")
            .RespondJson("""{"Code":"OK","TotalCount":0}""");

        await host.Sms.QuerySendDetailsAsync(new QuerySendDetailsRequest("13800000001", new DateOnly(2026, 3, 1)), TestContext.Current.CancellationToken);

        Assert.Equal(3, host.Handler.Requests.Count);
        Assert.Equal(3, host.Handler.Requests.Select(r => r.Headers["x-acs-signature-nonce"]).Distinct().Count());
        Assert.All(host.Handler.Requests, r => RequestAssert.HasValidV3Signature(r, "test-ak", "test-secret"));
    }

    [Fact]
    public async Task Query_PermanentErrorThrowsWithoutRetry()
    {
        host.Handler.RespondJson("""{"Code":"isv.INVALID_PARAMETERS","Message":"参数异常","RequestId":"R"}""");

        var ex = await Assert.ThrowsAsync<AliyunApiException>(() =>
            host.Sms.QuerySendDetailsAsync(new QuerySendDetailsRequest("13800000001", new DateOnly(2026, 3, 1)), TestContext.Current.CancellationToken));

        Assert.Equal("isv.INVALID_PARAMETERS", ex.Code);
        Assert.Equal("参数异常", ex.ErrorMessage);
        Assert.Equal("R", ex.RequestId);
        Assert.Equal(AliyunOutcome.PermanentRequestFailure, ex.Outcome);
        Assert.Single(host.Handler.Requests);
    }

    [Fact]
    public async Task Query_GivesUpAfterRetries()
    {
        host.Handler.Respond(HttpStatusCode.BadGateway).Respond(HttpStatusCode.BadGateway).Respond(HttpStatusCode.BadGateway);

        var ex = await Assert.ThrowsAsync<AliyunApiException>(() =>
            host.Sms.QuerySendDetailsAsync(new QuerySendDetailsRequest("13800000001", new DateOnly(2026, 3, 1)), TestContext.Current.CancellationToken));

        Assert.Equal(AliyunOutcome.Retryable, ex.Outcome);
        Assert.Equal(502, ex.HttpStatus);
        Assert.Equal(3, host.Handler.Requests.Count);
    }

    [Fact]
    public async Task QuerySendStatistics_BuildsParametersAndParses()
    {
        host.Handler.RespondJson("""
            {"Code":"OK","RequestId":"R","Data":{"TotalSize":1,"TargetList":[
              {"SendDate":"20260301","TotalCount":10,"RespondedSuccessCount":8,"RespondedFailCount":1,"NoRespondedCount":1}]}}
            """);

        var page = await host.Sms.QuerySendStatisticsAsync(
            new QuerySendStatisticsRequest(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), SignName: "阿里云"),
            TestContext.Current.CancellationToken);

        var query = host.SingleRequest.Query;
        Assert.Equal("1", query["IsGlobe"]);
        Assert.Equal("20260301", query["StartDate"]);
        Assert.Equal("20260302", query["EndDate"]);
        Assert.Equal("阿里云", query["SignName"]);
        Assert.Equal(1, page.TotalSize);
        Assert.Equal(new SendStatisticsDay(new DateOnly(2026, 3, 1), 10, 8, 1, 1), Assert.Single(page.Days));
    }
}
