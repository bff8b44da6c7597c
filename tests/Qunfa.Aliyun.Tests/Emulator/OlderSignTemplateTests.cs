using System.Net;
using System.Text.Json;

namespace Qunfa.Aliyun.Tests.Emulator;

/// <summary>The answers of QuerySmsSign and AddSmsTemplate field by field, as Alibaba documents them.</summary>
public sealed class OlderSignTemplateTests
{
    [Fact]
    public async Task QuerySmsSign_AnswersStatusReasonAndDate()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();

        var r = await ctx.Rpc.V1Async("QuerySmsSign", new Dictionary<string, string> { ["SignName"] = EmulatorTestContext.Sign });

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(["RequestId", "Code", "Message", "SignName", "SignStatus", "Reason", "CreateDate"], r.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("OK", r.Code);
        Assert.Equal(EmulatorTestContext.Sign, r.Json.GetProperty("SignName").GetString());
        Assert.Equal(JsonValueKind.Number, r.Json.GetProperty("SignStatus").ValueKind);
        Assert.Equal(1, r.Json.GetProperty("SignStatus").GetInt32());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", r.Json.GetProperty("CreateDate").GetString());

        var unknown = await ctx.Rpc.V1Async("QuerySmsSign", new Dictionary<string, string> { ["SignName"] = "没有这个签名" });
        Assert.Equal((HttpStatusCode.OK, "isv.SMS_SIGN_ILLEGAL"), (unknown.Status, unknown.Code));
        var missing = await ctx.Rpc.V1Async("QuerySmsSign", new Dictionary<string, string>());
        Assert.Equal((HttpStatusCode.BadRequest, "MissingSignName"), (missing.Status, missing.Code));
    }

    [Fact]
    public async Task AddSmsTemplate_AnswersTheCode_NeedsARemark_AndReportsTheReview()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.ReviewDelay = TimeSpan.FromMilliseconds(100));
        var parameters = new Dictionary<string, string>
        {
            ["TemplateType"] = "2",
            ["TemplateName"] = "双十一",
            ["TemplateContent"] = "双十一大促，全场五折，拒收请回复R",
            ["Remark"] = "会员促销",
        };

        var r = await ctx.Rpc.V3Async("AddSmsTemplate", parameters);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(["RequestId", "Code", "Message", "TemplateCode"], r.Json.EnumerateObject().Select(p => p.Name));
        var code = r.Json.GetProperty("TemplateCode").GetString()!;
        Assert.Matches("^SMS_[0-9]+$", code);
        var queue = ctx.QueueName("TemplateSmsReport");
        var token = await MnsTestClient.TokenAsync(ctx.Rpc, queue, "TemplateSmsReport");
        var (_, messages, _) = await ctx.Mns.ReceiveAsync(token, queue, waitSeconds: 10);
        var report = JsonDocument.Parse(Assert.Single(messages).BodyJson).RootElement;
        Assert.Equal(code, report.GetProperty("template_code").GetString());
        Assert.Equal("approved", report.GetProperty("template_status").GetString());
        Assert.Equal(1, ctx.State.TemplateReview(code)!.Status);

        parameters.Remove("Remark");
        var noRemark = await ctx.Rpc.V1Async("AddSmsTemplate", parameters);
        Assert.Equal((HttpStatusCode.BadRequest, "MissingRemark"), (noRemark.Status, noRemark.Code));
        parameters["Remark"] = "x";
        parameters["TemplateType"] = "9";
        Assert.Equal("isv.INVALID_PARAMETERS", (await ctx.Rpc.V1Async("AddSmsTemplate", parameters)).Code);
    }
}
