using System.Text.Json;

namespace Qunfa.Aliyun.Tests.Emulator;

public sealed class SendSmsTests
{
    [Fact]
    public async Task SendSmsReturnsBizIdAndRecordsEveryNumber()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.ReportDelay = TimeSpan.FromHours(1));
        var r = await ctx.SendSmsAsync("13800138000,+8613900139000,008613700137000");
        Assert.Equal("OK", r.Code);
        var bizId = r.Json.GetProperty("BizId").GetString()!;
        var sent = ctx.State.MessagesOfBiz(bizId);
        Assert.Equal(["13800138000", "13900139000", "13700137000"], sent.Select(m => m.PhoneNumber));
        Assert.All(sent, m => Assert.Equal("【群发科技】您的订单A1已发货", m.Content));
        Assert.All(sent, m => Assert.Equal(1, m.SendStatus));
        Assert.Equal(3, ctx.State.Counters.AcceptedMessages);
    }

    [Theory]
    [InlineData("13800138000", "未知签名", EmulatorTestContext.NotifyTemplate, """{"order":"1"}""", "isv.SMS_SIGNATURE_ILLEGAL")]
    [InlineData("13800138000", EmulatorTestContext.Sign, "SMS_999", """{"order":"1"}""", "isv.SMS_TEMPLATE_ILLEGAL")]
    [InlineData("13800138000", EmulatorTestContext.VerificationSign, EmulatorTestContext.NotifyTemplate, """{"order":"1"}""", "isv.SMS_SIGNATURE_SCENE_ILLEGAL")]
    [InlineData("13800138000", EmulatorTestContext.Sign, EmulatorTestContext.NotifyTemplate, """{"other":"1"}""", "isv.TEMPLATE_MISSING_PARAMETERS")]
    [InlineData("13800138000", EmulatorTestContext.Sign, EmulatorTestContext.NotifyTemplate, null, "isv.TEMPLATE_MISSING_PARAMETERS")]
    [InlineData("13800138000", EmulatorTestContext.Sign, EmulatorTestContext.NotifyTemplate, """{"order":1}""", "isv.INVALID_JSON_PARAM")]
    [InlineData("13800138000", EmulatorTestContext.Sign, EmulatorTestContext.NotifyTemplate, """{"order":""", "isv.INVALID_JSON_PARAM")]
    [InlineData("1380013800", EmulatorTestContext.Sign, EmulatorTestContext.NotifyTemplate, """{"order":"1"}""", "isv.MOBILE_NUMBER_ILLEGAL")]
    [InlineData("13800138000,12345678901", EmulatorTestContext.Sign, EmulatorTestContext.NotifyTemplate, """{"order":"1"}""", "isv.MOBILE_NUMBER_ILLEGAL")]
    [InlineData("+12025550123", EmulatorTestContext.Sign, EmulatorTestContext.NotifyTemplate, """{"order":"1"}""", "isv.MOBILE_NUMBER_ILLEGAL")]
    [InlineData("13800138000", EmulatorTestContext.Sign, EmulatorTestContext.IntlTemplate, """{"code":"1"}""", "isv.DOMESTIC_NUMBER_NOT_SUPPORTED")]
    public async Task SendSmsBusinessErrorsAreHttp200WithCode(string numbers, string sign, string template, string? param, string code)
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var r = await ctx.SendSmsAsync(numbers, sign, template, param);
        Assert.Equal(System.Net.HttpStatusCode.OK, r.Status);
        Assert.Equal(code, r.Code);
        Assert.False(r.Json.TryGetProperty("BizId", out _));
        Assert.Equal(0, ctx.State.Counters.AcceptedMessages);
    }

    [Fact]
    public async Task UnapprovedSignatureCannotSend()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        ctx.State.SeedSign("审核中签名", approved: false);
        Assert.Equal("isv.SIGN_STATE_ILLEGAL", (await ctx.SendSmsAsync("13800138000", "审核中签名")).Code);
    }

    [Fact]
    public async Task InternationalTemplateSendsToInternationalNumber()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var r = await ctx.SendSmsAsync("+12025550123", template: EmulatorTestContext.IntlTemplate, param: """{"code":"1234"}""");
        Assert.Equal("OK", r.Code);
    }

    [Fact]
    public async Task ThousandNumbersAreAcceptedAndOneMoreIsOverTheLimit()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var thousand = string.Join(",", Enumerable.Range(0, 1000).Select(i => $"1390000{i:D4}"));
        var ok = await ctx.Rpc.V3Async("SendSms", new Dictionary<string, string>
        {
            ["PhoneNumbers"] = thousand, ["SignName"] = EmulatorTestContext.Sign,
            ["TemplateCode"] = EmulatorTestContext.NotifyTemplate, ["TemplateParam"] = """{"order":"X"}""",
        });
        Assert.Equal("OK", ok.Code);
        Assert.Equal(1000, ctx.State.Counters.AcceptedMessages);

        var over = await ctx.SendSmsAsync(thousand + ",13912345678");
        Assert.Equal("isv.MOBILE_COUNT_OVER_LIMIT", over.Code);
    }

    [Fact]
    public async Task SendBatchSmsRendersPerNumberAndLimitsToHundred()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var r = await ctx.Rpc.V1Async("SendBatchSms", new Dictionary<string, string>
        {
            ["PhoneNumberJson"] = """["13800138000","13900139000"]""",
            ["SignNameJson"] = JsonSerializer.Serialize(new[] { EmulatorTestContext.Sign, EmulatorTestContext.Sign }),
            ["TemplateCode"] = EmulatorTestContext.NotifyTemplate,
            ["TemplateParamJson"] = """[{"order":"A"},{"order":"B"}]""",
        });
        Assert.Equal("OK", r.Code);
        var sent = ctx.State.MessagesOfBiz(r.Json.GetProperty("BizId").GetString()!);
        Assert.Equal(["【群发科技】您的订单A已发货", "【群发科技】您的订单B已发货"], sent.Select(m => m.Content));

        var numbers = Enumerable.Range(0, 101).Select(i => $"1380000{i:D4}").ToArray();
        var over = await ctx.Rpc.V1Async("SendBatchSms", new Dictionary<string, string>
        {
            ["PhoneNumberJson"] = JsonSerializer.Serialize(numbers),
            ["SignNameJson"] = JsonSerializer.Serialize(numbers.Select(_ => EmulatorTestContext.Sign)),
            ["TemplateCode"] = EmulatorTestContext.NotifyTemplate,
            ["TemplateParamJson"] = JsonSerializer.Serialize(numbers.Select(_ => new { order = "1" })),
        });
        Assert.Equal("isv.MOBILE_COUNT_OVER_LIMIT", over.Code);
    }

    [Fact]
    public async Task VerificationCodesAreLimitedPerMinuteHourAndDay()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(fakeClock: true);
        var clock = ctx.Fake!;
        // 09:30 in UTC+8: the hour and day windows have room for the whole sequence.
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));
        Task<RpcResponse> Send() => ctx.SendSmsAsync("13800138000", EmulatorTestContext.VerificationSign, EmulatorTestContext.VerifyTemplate, """{"code":"1234"}""");

        Assert.Equal("OK", (await Send()).Code);
        var minute = await Send();
        Assert.Equal("isv.BUSINESS_LIMIT_CONTROL", minute.Code);
        Assert.Equal("触发分钟级流控Permits:1", minute.Message);

        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal("OK", (await Send()).Code);
        }
        clock.Advance(TimeSpan.FromMinutes(1));
        var hour = await Send();
        Assert.Equal("触发小时级流控Permits:5", hour.Message);

        clock.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("OK", (await Send()).Code);
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        clock.Advance(TimeSpan.FromHours(1));
        var day = await Send();
        Assert.Equal("触发天级流控Permits:10", day.Message);

        Assert.Equal("OK", (await ctx.SendSmsAsync("13900139000", EmulatorTestContext.VerificationSign, EmulatorTestContext.VerifyTemplate, """{"code":"1"}""")).Code);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("OK", (await Send()).Code);
    }

    [Fact]
    public async Task NotificationTemplatesAreNotVerificationLimited()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("OK", (await ctx.SendSmsAsync("13800138000")).Code);
        }
    }

    [Fact]
    public async Task SignaturesAndTemplatesCanBeSeededThroughOptions()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o =>
        {
            o.SeedSigns.Add(new Qunfa.Emulators.SeededSign { SignName = "配置签名" });
            o.SeedTemplates.Add(new Qunfa.Emulators.SeededTemplate { TemplateCode = "SMS_555", Content = "您好${name}" });
        });
        Assert.Equal("OK", (await ctx.SendSmsAsync("13800138000", "配置签名", "SMS_555", """{"name":"王"}""")).Code);
        Assert.Equal("【配置签名】您好王", ctx.State.MessagesTo("13800138000").Single().Content);
    }
}
