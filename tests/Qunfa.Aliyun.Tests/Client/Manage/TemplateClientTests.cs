using Qunfa.Aliyun.Manage;
using Qunfa.Aliyun.Tests.Client.Support;

namespace Qunfa.Aliyun.Tests.Client.Manage;

public sealed class TemplateClientTests : IDisposable
{
    private readonly AliyunTestHost host = new();

    public void Dispose() => host.Dispose();

    private static SmsTemplateApplication Application => new("验证码", "您的验证码为${code}，5分钟内有效。", SmsTemplateType.VerificationCode)
    {
        RelatedSignName = "群发科技",
        TemplateRule = "{\"code\":\"characterWithNumber\"}",
        Remark = "登录验证",
    };

    [Fact]
    public async Task CreateSmsTemplate_SendsParametersAndReturnsCode()
    {
        host.Handler.RespondJson("""{"Code":"OK","RequestId":"R","TemplateCode":"SMS_123","TemplateName":"验证码","OrderId":"77"}""");

        var result = await host.Manage.CreateSmsTemplateAsync(Application, TestContext.Current.CancellationToken);

        Assert.Equal(new SmsTemplateApplicationResult("SMS_123", "验证码", "77", "R"), result);
        var query = host.SingleRequest.Query;
        Assert.Equal("验证码", query["TemplateName"]);
        Assert.Equal("您的验证码为${code}，5分钟内有效。", query["TemplateContent"]);
        Assert.Equal("0", query["TemplateType"]);
        Assert.Equal("群发科技", query["RelatedSignName"]);
        Assert.Equal("{\"code\":\"characterWithNumber\"}", query["TemplateRule"]);
        Assert.False(query.ContainsKey("TemplateCode"));
    }

    [Fact]
    public void TemplateRequest_ValidatesLengths()
    {
        Assert.Throws<ArgumentException>(() => AliyunSmsManagementClient.TemplateRequest("CreateSmsTemplate", null, Application with { TemplateName = new string('x', 31) }));
        Assert.Throws<ArgumentException>(() => AliyunSmsManagementClient.TemplateRequest("CreateSmsTemplate", null, Application with { TemplateContent = new string('x', 501) }));
    }

    [Fact]
    public async Task UpdateSmsTemplate_SendsCode()
    {
        host.Handler.RespondJson("""{"Code":"OK","TemplateCode":"SMS_123","OrderId":"78"}""");
        var result = await host.Manage.UpdateSmsTemplateAsync("SMS_123", Application, TestContext.Current.CancellationToken);
        Assert.Equal("SMS_123", host.SingleRequest.Query["TemplateCode"]);
        Assert.Equal("78", result.OrderId);
    }

    [Fact]
    public async Task GetSmsTemplate_Parses()
    {
        host.Handler.RespondJson("""
            {"Code":"OK","TemplateCode":"SMS_123","TemplateName":"验证码","TemplateContent":"您的验证码为${code}","TemplateType":"0","TemplateStatus":"2",
             "AuditInfo":{"RejectInfo":"变量不规范","AuditDate":"2026-03-01 12:00:00"},"RelatedSignName":"群发科技","VariableAttribute":"{\"code\":\"characterWithNumber\"}",
             "CreateDate":"2026-03-01 10:00:00","OrderId":"77"}
            """);

        var template = await host.Manage.GetSmsTemplateAsync("SMS_123", TestContext.Current.CancellationToken);

        Assert.Equal(SmsTemplateType.VerificationCode, template.TemplateType);
        Assert.Equal(new ReviewStatus(ReviewState.Rejected, "变量不规范"), template.Status);
        Assert.Equal("群发科技", template.RelatedSignName);
        Assert.Equal("77", template.OrderId);
    }

    [Fact]
    public async Task QuerySmsTemplateList_UsesOuterTypeAndToleratesMisspelledCancel()
    {
        host.Handler.RespondJson("""
            {"Code":"OK","TotalCount":3,"SmsTemplateList":[
              {"TemplateCode":"SMS_1","AuditStatus":"AUDIT_STATE_INIT","TemplateType":2,"OuterTemplateType":0},
              {"TemplateCode":"SMS_2","AuditStatus":"AUDIT_SATE_CANCEL","TemplateType":1},
              {"TemplateCode":"SMS_3","AuditStatus":"AUDIT_STATE_NOT_PASS","TemplateType":0,"Reason":{"RejectInfo":"no"}}]}
            """);

        var page = await host.Manage.QuerySmsTemplateListAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([SmsTemplateType.VerificationCode, SmsTemplateType.Promotion, SmsTemplateType.Notification], page.Items.Select(i => i.TemplateType));
        Assert.Equal([ReviewState.UnderReview, ReviewState.Cancelled, ReviewState.Rejected], page.Items.Select(i => i.Status.State));
        Assert.Equal("no", page.Items[2].Status.Reason);
    }

    [Fact]
    public async Task DeleteSmsTemplate()
    {
        host.Handler.RespondJson("""{"Code":"OK"}""");
        await host.Manage.DeleteSmsTemplateAsync("SMS_1", TestContext.Current.CancellationToken);
        Assert.Equal("DeleteSmsTemplate", host.SingleRequest.Headers["x-acs-action"]);
    }
}
