using System.Net;

namespace Qunfa.Aliyun.Tests.Emulator;

public sealed class SignatureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void TestSignerMatchesPublishedVectors()
    {
        var v1 = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testId", ["Action"] = "SendSms", ["Format"] = "XML", ["OutId"] = "123",
            ["PhoneNumbers"] = "15300000001", ["RegionId"] = "cn-hangzhou", ["SignName"] = "阿里云短信测试专用",
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466",
            ["SignatureVersion"] = "1.0", ["TemplateCode"] = "SMS_71390007", ["TemplateParam"] = """{"customer":"test"}""",
            ["Timestamp"] = "2017-07-12T02:42:19Z", ["Version"] = "2017-05-25",
        };
        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", TestSigning.V1Signature("GET", v1, "testSecret"));

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = "ecs.cn-shanghai.aliyuncs.com", ["x-acs-action"] = "RunInstances",
            ["x-acs-content-sha256"] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ["x-acs-date"] = "2023-10-26T10:22:32Z", ["x-acs-signature-nonce"] = "3156853299f313e23d1673dc12e1703d",
            ["x-acs-version"] = "2014-05-26",
        };
        Assert.Equal("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
            TestSigning.V3Signature("POST", "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
                headers, headers["x-acs-content-sha256"], "YourAccessKeySecret"));

        Assert.Equal("uwx3yeWoILzgmvesW0BQSgfM7b8=", TestSigning.MnsSignature("GET", "", "", "Thu, 09 Jul 2015 03:01:34 GMT",
            new Dictionary<string, string> { ["x-mns-version"] = "2015-06-06" }, "/MyQueue", "TestAccessSecret"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task V1SignedRequestIsAcceptedAndOneChangedByteIsRejected(string method)
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var p = new Dictionary<string, string> { ["PageIndex"] = "1", ["PageSize"] = "10" };

        var ok = await ctx.Rpc.V1Async("QuerySmsSignList", p, method);
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal("OK", ok.Code);

        var bad = await ctx.Rpc.V1Async("QuerySmsSignList", p, method, tamper: w => w.Replace("PageSize=10", "PageSize=11"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("SignatureDoesNotMatch", bad.Code);
        Assert.Contains("server string to sign is:" + method + "&%2F&", bad.Message);
        Assert.False(string.IsNullOrEmpty(bad.Json.GetProperty("RequestId").GetString()));
        Assert.Equal("dysmsapi.aliyuncs.com", bad.Json.GetProperty("HostId").GetString());
    }

    [Fact]
    public async Task V3SignedRequestIsAcceptedAndOneChangedByteIsRejected()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var q = new Dictionary<string, string> { ["PhoneNumbers"] = "13800138000", ["SignName"] = EmulatorTestContext.Sign,
            ["TemplateCode"] = EmulatorTestContext.NotifyTemplate, ["TemplateParam"] = """{"order":"B 2"}""" };

        var ok = await ctx.Rpc.V3Async("SendSms", q);
        Assert.Equal("OK", ok.Code);
        Assert.EndsWith("^0", ok.Json.GetProperty("BizId").GetString());

        var bad = await ctx.Rpc.V3Async("SendSms", q, tamper: w => w.Replace("13800138000", "13800138001"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("SignatureDoesNotMatch", bad.Code);
        Assert.Contains("ACS3-HMAC-SHA256\n", bad.Message);
        Assert.Single(ctx.State.MessagesTo("13800138000"));
        Assert.Empty(ctx.State.MessagesTo("13800138001"));
    }

    [Fact]
    public async Task WrongSecretIsRejected()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        ctx.Rpc.Secret = "not-the-secret";
        var r = await ctx.Rpc.V3Async("QuerySmsSignList", new Dictionary<string, string>());
        Assert.Equal("SignatureDoesNotMatch", r.Code);
    }

    [Fact]
    public async Task TimestampSkewOverFifteenMinutesIsRejected()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var p = new Dictionary<string, string>();
        var v1 = await ctx.Rpc.V1Async("QuerySmsSignList", p, timestamp: DateTimeOffset.UtcNow.AddMinutes(-16));
        Assert.Equal(HttpStatusCode.BadRequest, v1.Status);
        Assert.Equal("InvalidTimeStamp.Expired", v1.Code);
        var v3 = await ctx.Rpc.V3Async("QuerySmsSignList", p, timestamp: DateTimeOffset.UtcNow.AddMinutes(16));
        Assert.Equal("InvalidTimeStamp.Expired", v3.Code);
        Assert.Equal("OK", (await ctx.Rpc.V1Async("QuerySmsSignList", p, timestamp: DateTimeOffset.UtcNow.AddMinutes(-14))).Code);
        var malformed = await ctx.Rpc.V1Async("QuerySmsSignList", p, tamper: w => w.Replace("Timestamp=", "Timestamp=x"));
        Assert.Equal("InvalidTimeStamp.Format", malformed.Code);
    }

    [Fact]
    public async Task ReusedNonceIsRejected()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var p = new Dictionary<string, string>();
        Assert.Equal("OK", (await ctx.Rpc.V1Async("QuerySmsSignList", p, nonce: "nonce-1")).Code);
        var replay = await ctx.Rpc.V1Async("QuerySmsSignList", p, nonce: "nonce-1");
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal("SignatureNonceUsed", replay.Code);
        Assert.Equal("OK", (await ctx.Rpc.V3Async("QuerySmsSignList", p, nonce: "nonce-3")).Code);
        Assert.Equal("SignatureNonceUsed", (await ctx.Rpc.V3Async("QuerySmsSignList", p, nonce: "nonce-3")).Code);
    }

    [Fact]
    public async Task UnknownAccessKeyIsRejected()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        ctx.Rpc.AccessKeyId = "LTAIunknown";
        var r = await ctx.Rpc.V1Async("QuerySmsSignList", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, r.Status);
        Assert.Equal("InvalidAccessKeyId.NotFound", r.Code);
    }

    [Fact]
    public async Task UnknownActionAndMissingParametersAreRejected()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var unknown = await ctx.Rpc.V1Async("SendSmsPlease", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("InvalidApi.NotFound", unknown.Code);

        var missing = await ctx.Rpc.V1Async("SendSms", new Dictionary<string, string> { ["SignName"] = EmulatorTestContext.Sign, ["TemplateCode"] = EmulatorTestContext.NotifyTemplate });
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("MissingPhoneNumbers", missing.Code);
    }

    [Fact]
    public async Task OmittedFormatAnswersXml()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var r = await ctx.Rpc.V1Async("QuerySmsSignList", new Dictionary<string, string>(), format: "");
        Assert.StartsWith("<?xml", r.Raw);
        Assert.Contains("<QuerySmsSignListResponse><RequestId>", r.Raw);
        Assert.Contains("<Code>OK</Code>", r.Raw);
    }

    [Fact]
    public async Task InactiveKeyAndSecondAccountAreDistinguished()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o =>
        {
            o.Accounts.Add(new Qunfa.Emulators.EmulatorAccount { AccessKeyId = "off-ak", AccessKeySecret = "off", AccountUid = "2", Active = false });
            o.Accounts.Add(new Qunfa.Emulators.EmulatorAccount { AccessKeyId = "second-ak", AccessKeySecret = "second", AccountUid = "3" });
        });
        ctx.Rpc.AccessKeyId = "off-ak";
        ctx.Rpc.Secret = "off";
        Assert.Equal("InvalidAccessKeyId.Inactive", (await ctx.Rpc.V1Async("QuerySmsSignList", new Dictionary<string, string>())).Code);

        ctx.Rpc.AccessKeyId = "second-ak";
        ctx.Rpc.Secret = "second";
        // Signatures belong to an account: the default account's seeded one is unknown here.
        Assert.Equal("isv.SMS_SIGNATURE_ILLEGAL", (await ctx.SendSmsAsync("13800138000")).Code);
        Assert.Equal("Alicom-Queue-3-SmsReport", ctx.State.QueueName("SmsReport", "second-ak"));
    }
}
