using Qunfa.Aliyun.Sms;

namespace Qunfa.Aliyun.Tests.Client.Sms;

public sealed class SendRequestFactoryTests
{
    [Fact]
    public void SendSms_JoinsNumbersAndWritesTemplateParamJson()
    {
        var request = SendRequestFactory.SendSms(new SendSmsRequest(
            [" 13800000001", "+8613800000002 "],
            "阿里云",
            "SMS_1",
            new Dictionary<string, string> { ["code"] = "1234", ["name"] = "张三 \"x\"" },
            OutId: "o-1",
            SmsUpExtendCode: "90"));

        Assert.Equal("SendSms", request.Action);
        Assert.Equal("13800000001,+8613800000002", request["PhoneNumbers"]);
        Assert.Equal("阿里云", request["SignName"]);
        Assert.Equal("SMS_1", request["TemplateCode"]);
        Assert.Equal("{\"code\":\"1234\",\"name\":\"张三 \\\"x\\\"\"}", request["TemplateParam"]);
        Assert.Equal("o-1", request["OutId"]);
        Assert.Equal("90", request["SmsUpExtendCode"]);
    }

    [Fact]
    public void SendSms_OmitsAbsentOptionalParameters()
    {
        var request = SendRequestFactory.SendSms(new SendSmsRequest(["13800000001"], "S", "T"));
        Assert.Equal(["PhoneNumbers", "SignName", "TemplateCode"], request.Parameters.Select(p => p.Key));
    }

    [Fact]
    public void SendSms_AcceptsExactly1000Numbers()
    {
        var numbers = Enumerable.Range(0, 1000).Select(i => $"1380000{i:D4}").ToList();
        var request = SendRequestFactory.SendSms(new SendSmsRequest(numbers, "S", "T"));
        Assert.Equal(1000, request["PhoneNumbers"]!.Split(',').Length);
    }

    [Fact]
    public void SendSms_Rejects1001Numbers()
    {
        var numbers = Enumerable.Range(0, 1001).Select(i => $"1380000{i:D4}").ToList();
        Assert.Throws<ArgumentException>(() => SendRequestFactory.SendSms(new SendSmsRequest(numbers, "S", "T")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("138,139")]
    [InlineData("1380000abcd")]
    public void SendSms_RejectsMalformedNumbers(string number) =>
        Assert.Throws<ArgumentException>(() => SendRequestFactory.SendSms(new SendSmsRequest([number], "S", "T")));

    [Fact]
    public void SendSms_RequiresSignAndTemplate()
    {
        Assert.Throws<ArgumentException>(() => SendRequestFactory.SendSms(new SendSmsRequest(["13800000001"], " ", "T")));
        Assert.Throws<ArgumentException>(() => SendRequestFactory.SendSms(new SendSmsRequest(["13800000001"], "S", "")));
        Assert.Throws<ArgumentException>(() => SendRequestFactory.SendSms(new SendSmsRequest([], "S", "T")));
    }

    [Fact]
    public void SendBatchSms_WritesParallelJsonArrays()
    {
        var request = SendRequestFactory.SendBatchSms(new SendBatchSmsRequest(
            [
                new BatchSmsRecipient("13800000001", "甲", new Dictionary<string, string> { ["code"] = "1" }),
                new BatchSmsRecipient("13800000002", "乙", null, "77"),
            ],
            "SMS_2",
            "out"));

        Assert.Equal("[\"13800000001\",\"13800000002\"]", request["PhoneNumberJson"]);
        Assert.Equal("[\"甲\",\"乙\"]", request["SignNameJson"]);
        Assert.Equal("[{\"code\":\"1\"},{}]", request["TemplateParamJson"]);
        Assert.Equal("[\"\",\"77\"]", request["SmsUpExtendCodeJson"]);
        Assert.Equal("SMS_2", request["TemplateCode"]);
        Assert.Equal("out", request["OutId"]);
    }

    [Fact]
    public void SendBatchSms_OmitsTemplateParamJsonWhenNoRecipientHasVariables()
    {
        var request = SendRequestFactory.SendBatchSms(new SendBatchSmsRequest([new BatchSmsRecipient("13800000001", "甲")], "SMS_2"));
        Assert.Null(request["TemplateParamJson"]);
        Assert.Null(request["SmsUpExtendCodeJson"]);
    }

    [Fact]
    public void SendBatchSms_LimitsTo100Recipients()
    {
        var recipients = Enumerable.Range(0, 101).Select(i => new BatchSmsRecipient($"1380000{i:D4}", "S")).ToList();
        Assert.Throws<ArgumentException>(() => SendRequestFactory.SendBatchSms(new SendBatchSmsRequest(recipients, "T")));
        SendRequestFactory.SendBatchSms(new SendBatchSmsRequest(recipients.Take(100).ToList(), "T"));
    }
}
