using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Manage;
using Qunfa.Aliyun.Tests.Client.Support;

namespace Qunfa.Aliyun.Tests.Client.Manage;

public sealed class SignClientTests : IDisposable
{
    private readonly AliyunTestHost host = new();

    public void Dispose() => host.Dispose();

    private static SmsSignApplication Application => new("群发科技", SmsSignSource.EnterpriseName, "1001")
    {
        SignType = SmsSignType.General,
        Remark = "客户通知",
        ThirdParty = true,
        AuthorizationLetterId = "2002",
        MoreData = ["a/b.png", "a/c.png"],
    };

    [Fact]
    public async Task CreateSmsSign_SendsParametersAndReturnsOrder()
    {
        host.Handler.RespondJson("""{"Code":"OK","Message":"OK","RequestId":"R","SignName":"群发科技","OrderId":"20057887"}""");

        var result = await host.Manage.CreateSmsSignAsync(Application, TestContext.Current.CancellationToken);

        Assert.Equal(new SmsSignApplicationResult("群发科技", "20057887", "R"), result);
        var request = host.SingleRequest;
        Assert.Equal("CreateSmsSign", request.Headers["x-acs-action"]);
        Assert.Equal("群发科技", request.Query["SignName"]);
        Assert.Equal("0", request.Query["SignSource"]);
        Assert.Equal("1", request.Query["SignType"]);
        Assert.Equal("1001", request.Query["QualificationId"]);
        Assert.Equal("true", request.Query["ThirdParty"]);
        Assert.Equal("2002", request.Query["AuthorizationLetterId"]);
        Assert.Equal("[\"a/b.png\",\"a/c.png\"]", request.Query["MoreData"]);
        RequestAssert.HasValidV3Signature(request, "test-ak", "test-secret");
    }

    [Fact]
    public void SignRequest_Validates()
    {
        Assert.Throws<ArgumentException>(() => AliyunSmsManagementClient.SignRequest("CreateSmsSign", Application with { SignName = "x" }));
        Assert.Throws<ArgumentException>(() => AliyunSmsManagementClient.SignRequest("CreateSmsSign", Application with { SignName = "一二三四五六七八九十一二三" }));
        Assert.Throws<ArgumentException>(() => AliyunSmsManagementClient.SignRequest("CreateSmsSign", Application with { AuthorizationLetterId = null }));
        Assert.Throws<ArgumentException>(() => AliyunSmsManagementClient.SignRequest("CreateSmsSign", Application with { Remark = new string('x', 201) }));
    }

    [Fact]
    public async Task GetSmsSign_ParsesRejection()
    {
        host.Handler.RespondJson("""
            {"Code":"OK","RequestId":"R","SignName":"群发科技","SignCode":"SIGN_1","SignStatus":2,"CreateDate":"2026-03-01 10:00:00","OrderId":"20057887",
             "AuditInfo":{"AuditDate":"2026-03-01 12:00:00","RejectInfo":"资质不符"},"ThirdParty":true,"QualificationId":1001,"AuthorizationLetterId":"2002",
             "AuthorizationLetterAuditPass":false,"FileUrlList":["https://x/1.png"],
             "SignIspRegisterDetailList":[{"OperatorCode":"mobile","RegisterStatus":0,"RegisterStatusReasons":[{"ReasonCode":"R1","ReasonDescList":["法人信息不一致","请核对"]}]},
               {"OperatorCode":"unicom","RegisterStatus":3}]}
            """);

        var sign = await host.Manage.GetSmsSignAsync("群发科技", TestContext.Current.CancellationToken);

        Assert.Equal(new ReviewStatus(ReviewState.Rejected, "资质不符"), sign.Status);
        Assert.Equal("SIGN_1", sign.SignCode);
        Assert.Equal("1001", sign.QualificationId);
        Assert.True(sign.ThirdParty);
        Assert.False(sign.AuthorizationLetterAuditPass);
        Assert.Equal(["https://x/1.png"], sign.FileUrls);
        Assert.Equal(
            [new CarrierRegistration("mobile", 0, "法人信息不一致; 请核对"), new CarrierRegistration("unicom", 3, null)],
            sign.CarrierRegistrations);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)), sign.CreateDate);
    }

    [Theory]
    [InlineData("0", ReviewState.UnderReview)]
    [InlineData("1", ReviewState.Approved)]
    [InlineData("10", ReviewState.Cancelled)]
    public async Task GetSmsSign_MapsStatus(string status, ReviewState expected)
    {
        host.Handler.RespondJson($$"""{"Code":"OK","SignName":"群发科技","SignStatus":"{{status}}"}""");
        var sign = await host.Manage.GetSmsSignAsync("群发科技", TestContext.Current.CancellationToken);
        Assert.Equal(expected, sign.Status.State);
        Assert.Null(sign.Status.Reason);
    }

    [Fact]
    public async Task UpdateAndDelete()
    {
        host.Handler.RespondJson("""{"Code":"OK","SignName":"群发科技","OrderId":"2"}""").RespondJson("""{"Code":"OK"}""");

        await host.Manage.UpdateSmsSignAsync(Application, TestContext.Current.CancellationToken);
        await host.Manage.DeleteSmsSignAsync("群发科技", TestContext.Current.CancellationToken);

        Assert.Equal("UpdateSmsSign", host.Handler.Requests[0].Headers["x-acs-action"]);
        Assert.Equal("DeleteSmsSign", host.Handler.Requests[1].Headers["x-acs-action"]);
        Assert.Equal("群发科技", host.Handler.Requests[1].Query["SignName"]);
    }

    [Fact]
    public async Task DeleteSmsSign_UnderReview_Throws()
    {
        host.Handler.RespondJson("""{"Code":"isv.SIGN_STATE_ILLEGAL","Message":"审核中不可删除","RequestId":"R"}""");
        var ex = await Assert.ThrowsAsync<AliyunApiException>(() => host.Manage.DeleteSmsSignAsync("群发科技", TestContext.Current.CancellationToken));
        Assert.Equal("isv.SIGN_STATE_ILLEGAL", ex.Code);
    }

    [Fact]
    public async Task QuerySmsSignList_ParsesRows()
    {
        host.Handler.RespondJson("""
            {"Code":"OK","TotalCount":2,"SmsSignList":[
              {"SignName":"甲","AuditStatus":"AUDIT_STATE_NOT_PASS","BusinessType":"验证码类型","CreateDate":"2026-03-01 10:00:00","OrderId":"1",
               "Reason":{"RejectDate":"2026-03-01 12:00:00","RejectInfo":"不符","RejectSubInfo":"x"},"AuthorizationLetterId":"9","authorizationLetterAuditPass":true},
              {"SignName":"乙","AuditStatus":"AUDIT_STATE_PASS"}]}
            """);

        var page = await host.Manage.QuerySmsSignListAsync(2, 20, TestContext.Current.CancellationToken);

        Assert.Equal("2", host.SingleRequest.Query["PageIndex"]);
        Assert.Equal("20", host.SingleRequest.Query["PageSize"]);
        Assert.Equal(2, page.TotalCount);
        Assert.Equal(new ReviewStatus(ReviewState.Rejected, "不符"), page.Items[0].Status);
        Assert.True(page.Items[0].AuthorizationLetterAuditPass);
        Assert.Equal(ReviewState.Approved, page.Items[1].Status.State);
    }
}
