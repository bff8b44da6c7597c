using System.Text.Json;

namespace Qunfa.Aliyun.Tests.Emulator;

public sealed class ReviewTests
{
    [Fact]
    public async Task SignatureIsApprovedAfterTheDelayAndAnnouncedOnTheQueue()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(fakeClock: true);
        var qualification = ctx.State.SeedQualification("杭州群发科技有限公司", "91330100MA0000000X");
        var created = await ctx.Rpc.V1Async("CreateSmsSign", new Dictionary<string, string>
        {
            ["SignName"] = "群发优选", ["SignSource"] = "0", ["SignType"] = "1",
            ["QualificationId"] = qualification.ToString(), ["Remark"] = "会员通知",
        });
        Assert.Equal("OK", created.Code);
        var orderId = created.Json.GetProperty("OrderId").GetString();

        Assert.Equal(0, (await GetSign(ctx, "群发优选")).GetProperty("SignStatus").GetInt32());
        ctx.Fake!.Advance(TimeSpan.FromSeconds(5));
        var approved = await GetSign(ctx, "群发优选");
        Assert.Equal(1, approved.GetProperty("SignStatus").GetInt32());

        var queue = ctx.QueueName("SignSmsReport");
        var token = await MnsTestClient.TokenAsync(ctx.Rpc, queue, "SignSmsReport");
        var report = JsonDocument.Parse((await ctx.Mns.ReceiveAsync(token, queue)).Messages.Single().BodyJson).RootElement;
        Assert.Equal("群发优选", report.GetProperty("sign_name").GetString());
        Assert.Equal("approved", report.GetProperty("sign_status").GetString());
        Assert.Equal(orderId, report.GetProperty("order_id").GetString());

        var list = await ctx.Rpc.V1Async("QuerySmsSignList", new Dictionary<string, string> { ["PageIndex"] = "1", ["PageSize"] = "50" });
        Assert.Contains(list.Json.GetProperty("SmsSignList").EnumerateArray(),
            s => s.GetProperty("SignName").GetString() == "群发优选" && s.GetProperty("AuditStatus").GetString() == "AUDIT_STATE_PASS");
    }

    [Fact]
    public async Task MarkerRejectsWithReasonAndTemplateFlowWorksEndToEnd()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(fakeClock: true);
        var qualification = ctx.State.SeedQualification("杭州群发科技有限公司", "91330100MA0000000X");
        var rejected = await ctx.Rpc.V1Async("CreateSmsSign", new Dictionary<string, string>
        {
            ["SignName"] = "REJECT店", ["SignSource"] = "4", ["QualificationId"] = qualification.ToString(),
        });
        Assert.Equal("OK", rejected.Code);

        var template = await ctx.Rpc.V1Async("CreateSmsTemplate", new Dictionary<string, string>
        {
            ["TemplateName"] = "发货通知", ["TemplateContent"] = "您的包裹${no}已发出", ["TemplateType"] = "1",
            ["RelatedSignName"] = EmulatorTestContext.Sign, ["TemplateRule"] = """{"no":"characterWithNumber"}""",
            ["Remark"] = "发货后通知买家",
        });
        Assert.Equal("OK", template.Code);
        var code = template.Json.GetProperty("TemplateCode").GetString()!;
        Assert.StartsWith("SMS_", code);
        Assert.Equal("isv.SMS_TEMPLATE_ILLEGAL", (await ctx.SendSmsAsync("13800138000", template: code, param: """{"no":"1"}""")).Code);

        ctx.Fake!.Advance(TimeSpan.FromSeconds(5));
        var sign = await GetSign(ctx, "REJECT店");
        Assert.Equal(2, sign.GetProperty("SignStatus").GetInt32());
        Assert.Contains("REJECT", sign.GetProperty("AuditInfo").GetProperty("RejectInfo").GetString());
        var got = await ctx.Rpc.V1Async("GetSmsTemplate", new Dictionary<string, string> { ["TemplateCode"] = code });
        Assert.Equal("1", got.Json.GetProperty("TemplateStatus").GetString());
        Assert.Equal("OK", (await ctx.SendSmsAsync("13800138000", template: code, param: """{"no":"1"}""")).Code);

        var update = await ctx.Rpc.V1Async("UpdateSmsSign", new Dictionary<string, string>
        {
            ["SignName"] = "REJECT店", ["SignSource"] = "4", ["QualificationId"] = qualification.ToString(), ["Remark"] = "resubmitted",
        });
        Assert.Equal("OK", update.Code);
        Assert.Equal(0, (await GetSign(ctx, "REJECT店")).GetProperty("SignStatus").GetInt32());

        var queue = ctx.QueueName("TemplateSmsReport");
        var token = await MnsTestClient.TokenAsync(ctx.Rpc, queue, "TemplateSmsReport");
        var report = JsonDocument.Parse((await ctx.Mns.ReceiveAsync(token, queue)).Messages.Single().BodyJson).RootElement;
        Assert.Equal(code, report.GetProperty("template_code").GetString());
        Assert.Equal("approved", report.GetProperty("template_status").GetString());
    }

    [Fact]
    public async Task CreateSmsSignValidatesNameQualificationAndThirdPartyLetter()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var qualification = ctx.State.SeedQualification("客户公司", "91330100MA0000001Y").ToString();
        Task<RpcResponse> Create(string name, Dictionary<string, string>? extra = null)
        {
            var p = new Dictionary<string, string> { ["SignName"] = name, ["SignSource"] = "0", ["QualificationId"] = qualification };
            foreach (var (k, v) in extra ?? [])
            {
                p[k] = v;
            }
            return ctx.Rpc.V1Async("CreateSmsSign", p);
        }

        Assert.Equal("isv.INVALID_PARAMETERS", (await Create("测试签名")).Code);
        Assert.Equal("isv.INVALID_PARAMETERS", (await Create("带 空格")).Code);
        Assert.Equal("isv.INVALID_PARAMETERS", (await Create("客户", new() { ["QualificationId"] = "42" })).Code);
        Assert.Equal("isv.INVALID_PARAMETERS", (await Create("客户", new() { ["ThirdParty"] = "true" })).Code);
        var letter = ctx.State.SeedAuthorizationLetter("客户公司", "91330100MA0000001Y", ["客户"]);
        Assert.Equal("OK", (await Create("客户", new() { ["ThirdParty"] = "true", ["AuthorizationLetterId"] = letter.ToString() })).Code);
        Assert.Equal("isv.INVALID_PARAMETERS", (await Create("客户")).Code);
    }

    [Fact]
    public async Task QualificationNeedsThePhoneCodeAndPassesReview()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(fakeClock: true);
        Assert.Equal("OK", (await ctx.Rpc.V1Async("RequiredPhoneCode", new Dictionary<string, string> { ["PhoneNo"] = "13800138000" })).Code);
        Assert.Equal("isv.BUSINESS_LIMIT_CONTROL", (await ctx.Rpc.V1Async("RequiredPhoneCode", new Dictionary<string, string> { ["PhoneNo"] = "13800138000" })).Code);
        var code = ctx.State.LastPhoneCode("13800138000")!;
        var p = new Dictionary<string, string>
        {
            ["QualificationName"] = "客户资质", ["UseBySelf"] = "false", ["WhetherShare"] = "false", ["CompanyName"] = "客户公司",
            ["CompanyType"] = "COMPANY", ["OrganizationCode"] = "91330100MA0000001Y", ["BussinessLicenseExpDate"] = "2020-01-01~2099-12-31",
            ["LegalPersonName"] = "张三", ["LegalPersonIDCardNo"] = "330100199001010000", ["LegalPersonIDCardType"] = "identityCard",
            ["LegalPersonIdCardEffTime"] = "2020-01-01~2040-01-01", ["AdminName"] = "李四", ["AdminIDCardNo"] = "330100199001010001",
            ["AdminIDCardType"] = "identityCard", ["AdminIDCardExpDate"] = "2020-01-01~2040-01-01", ["AdminIDCardPic"] = "a/b.png",
            ["AdminIDCardFrontFace"] = "a/c.png", ["AdminPhoneNo"] = "13800138000", ["CertifyCode"] = "000000x",
            ["BusinessLicensePics"] = """[{"Type":"businessLicense","LicensePic":"a/d.png"}]""",
        };
        var wrongCode = await ctx.Rpc.V1Async("SubmitSmsQualification", p);
        Assert.Equal("isv.INVALID_PARAMETERS", wrongCode.Code);
        Assert.False(wrongCode.Json.GetProperty("Success").GetBoolean());

        p["CertifyCode"] = code;
        var submitted = await ctx.Rpc.V1Async("SubmitSmsQualification", p);
        Assert.Equal("OK", submitted.Code);
        var id = submitted.Json.GetProperty("Data").GetInt64();

        ctx.Fake!.Advance(TimeSpan.FromSeconds(5));
        var record = await ctx.Rpc.V1Async("QuerySmsQualificationRecord", new Dictionary<string, string> { ["PageNo"] = "1", ["PageSize"] = "10" });
        var item = record.Json.GetProperty("Data").GetProperty("List")[0];
        Assert.Equal(id, item.GetProperty("GroupId").GetInt64());
        Assert.Equal("PASSED", item.GetProperty("State").GetString());

        var letter = await ctx.Rpc.V1Async("CreateSmsAuthorizationLetter", new Dictionary<string, string>
        {
            ["Authorization"] = "客户公司", ["ProxyAuthorization"] = "群发科技", ["OrganizationCode"] = "91330100MA0000001Y",
            ["AuthorizationLetterName"] = "客户授权书", ["AuthorizationLetterExpDate"] = "2024-01-01~2099-12-31",
            ["AuthorizationLetterPic"] = "a/e.png", ["SignList"] = """["客户"]""",
        });
        Assert.Equal("OK", letter.Code);
        ctx.Fake.Advance(TimeSpan.FromSeconds(5));
        var letters = await ctx.Rpc.V1Async("QuerySmsAuthorizationLetter", new Dictionary<string, string> { ["SignName"] = "客户" });
        Assert.Equal("PASSED", letters.Json.GetProperty("Data")[0].GetProperty("State").GetString());
    }

    private static async Task<JsonElement> GetSign(EmulatorTestContext ctx, string name)
    {
        var r = await ctx.Rpc.V1Async("GetSmsSign", new Dictionary<string, string> { ["SignName"] = name });
        Assert.Equal("OK", r.Code);
        return r.Json;
    }
}
