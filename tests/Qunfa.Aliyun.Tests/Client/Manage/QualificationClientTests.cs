using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Manage;
using Qunfa.Aliyun.Tests.Client.Support;

namespace Qunfa.Aliyun.Tests.Client.Manage;

public sealed class QualificationClientTests : IDisposable
{
    private readonly AliyunTestHost host = new();

    public void Dispose() => host.Dispose();

    private static SmsQualificationApplication Application => new()
    {
        QualificationName = "客户甲资质",
        UseBySelf = false,
        WhetherShare = false,
        CompanyName = "甲有限公司",
        OrganizationCode = "91330100MA0000000X",
        BusinessLicenseExpDate = "2020-01-01~2099-12-31",
        LegalPersonName = "张三",
        LegalPersonIdCardNo = "330100199001010000",
        AdminName = "李四",
        AdminIdCardNo = "330100199001010001",
        AdminPhoneNo = "13800000001",
        CertifyCode = "123456",
        BusinessLicensePics = [new BusinessLicensePic("licensePic", "q/license.png")],
    };

    [Fact]
    public async Task SubmitSmsQualification_SendsDocumentedNamesAndReturnsId()
    {
        host.Handler.RespondJson("""{"Code":"OK","Success":true,"Data":10086,"RequestId":"R"}""");

        var id = await host.Manage.SubmitSmsQualificationAsync(Application, TestContext.Current.CancellationToken);

        Assert.Equal("10086", id);
        var query = host.SingleRequest.Query;
        Assert.Equal("false", query["UseBySelf"]);
        Assert.Equal("2020-01-01~2099-12-31", query["BussinessLicenseExpDate"]);
        Assert.Equal("330100199001010000", query["LegalPersonIDCardNo"]);
        Assert.Equal("identityCard", query["AdminIDCardType"]);
        Assert.Equal("COMPANY", query["CompanyType"]);
        Assert.Equal("[{\"Type\":\"licensePic\",\"LicensePic\":\"q/license.png\"}]", query["BusinessLicensePics"]);
    }

    [Fact]
    public void SubmitSmsQualification_RequiresLicenceForCustomers() =>
        Assert.Throws<ArgumentException>(() => AliyunSmsManagementClient.QualificationRequest(Application with { BusinessLicensePics = [] }));

    [Fact]
    public async Task SuccessFalseWithoutCode_Throws()
    {
        host.Handler.RespondJson("""{"Success":false,"Message":"资质名称重复","RequestId":"R"}""");
        var ex = await Assert.ThrowsAsync<AliyunApiException>(() => host.Manage.SubmitSmsQualificationAsync(Application, TestContext.Current.CancellationToken));
        Assert.Equal(AliyunOutcome.PermanentRequestFailure, ex.Outcome);
        Assert.Equal("资质名称重复", ex.ErrorMessage);
    }

    [Fact]
    public async Task QuerySmsQualificationRecord_Parses()
    {
        host.Handler.RespondJson("""
            {"Code":"OK","Success":true,"Data":{"PageNo":1,"PageSize":10,"Total":1,"List":[
              {"GroupId":10086,"QualificationGroupName":"客户甲资质","CompanyName":"甲有限公司","StateName":"NOT_PASS",
               "WorkOrderId":5,"AuditRemark":"营业执照模糊","AuditTime":"2026-03-02 10:00:00","UseBySelf":false}]}}
            """);

        var page = await host.Manage.QuerySmsQualificationRecordAsync(new SmsQualificationQuery(PageSize: 10, State: "NOT_PASS"), TestContext.Current.CancellationToken);

        Assert.Equal("NOT_PASS", host.SingleRequest.Query["State"]);
        var record = Assert.Single(page.Items);
        Assert.Equal("10086", record.GroupId);
        Assert.Equal(new ReviewStatus(ReviewState.Rejected, "营业执照模糊"), record.Status);
        Assert.Equal("5", record.WorkOrderId);
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task CreateSmsAuthorizationLetter_SendsSignListAsJson()
    {
        host.Handler.RespondJson("""{"Code":"OK","Success":true,"Data":"L1"}""");

        var id = await host.Manage.CreateSmsAuthorizationLetterAsync(
            new SmsAuthorizationLetterApplication("甲有限公司", "群发科技有限公司", "91330100MA0000000X", "甲授权书", "2026-01-01~2027-01-01", "q/letter.png", ["甲科技", "甲商城"]),
            TestContext.Current.CancellationToken);

        Assert.Equal("L1", id);
        Assert.Equal("[\"甲科技\",\"甲商城\"]", host.SingleRequest.Query["SignList"]);
        Assert.Equal("群发科技有限公司", host.SingleRequest.Query["ProxyAuthorization"]);
    }

    [Fact]
    public async Task QuerySmsAuthorizationLetter_Parses()
    {
        host.Handler.RespondJson("""
            {"Code":"OK","Success":true,"Data":[{"AuthorizationLetterId":1,"AuthorizationLetterName":"甲授权书","State":"PASSED","Status":"VALID",
              "SignScope":"甲科技、甲商城","OrganizationCode":"91330100MA0000000X"}]}
            """);

        var letters = await host.Manage.QuerySmsAuthorizationLetterAsync(new SmsAuthorizationLetterQuery(["1"]), TestContext.Current.CancellationToken);

        Assert.Equal("[\"1\"]", host.SingleRequest.Query["AuthorizationLetterIdList"]);
        var letter = Assert.Single(letters);
        Assert.Equal(["甲科技", "甲商城"], letter.SignScope);
        Assert.Equal(ReviewState.Approved, letter.Status.State);
        Assert.True(letter.Valid);
    }

    [Fact]
    public async Task RequiredPhoneCode()
    {
        host.Handler.RespondJson("""{"Code":"OK","Success":true}""");
        await host.Manage.RequiredPhoneCodeAsync("13800000001", TestContext.Current.CancellationToken);
        Assert.Equal("13800000001", host.SingleRequest.Query["PhoneNo"]);
    }
}
