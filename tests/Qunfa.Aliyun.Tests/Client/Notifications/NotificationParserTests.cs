using Qunfa.Aliyun.Manage;
using Qunfa.Aliyun.Notifications;
using Qunfa.Aliyun.Sms;

namespace Qunfa.Aliyun.Tests.Client.Notifications;

public sealed class NotificationParserTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public void SmsReport_Delivered()
    {
        var report = SmsReportParser.Parse("""
            {"phone_number":"13800000001","send_time":"2026-03-01 10:00:00","report_time":"2026-03-01 10:00:05","success":true,
             "err_code":"DELIVERED","err_msg":"用户接收成功","sms_size":"2","biz_id":"900619746936498440^0","out_id":"o1"}
            """);

        Assert.Equal(
            new DeliveryReport("13800000001", "900619746936498440^0", "o1", DeliveryState.Delivered, "DELIVERED", "用户接收成功",
                new DateTimeOffset(2026, 3, 1, 10, 0, 0, Shanghai), new DateTimeOffset(2026, 3, 1, 10, 0, 5, Shanghai), 2),
            report);
    }

    [Fact]
    public void SmsReport_Failed_NumericSize()
    {
        var report = SmsReportParser.Parse("""{"phone_number":"13800000001","success":false,"err_code":"MK:0001","err_msg":"失败","sms_size":1,"biz_id":"b"}""");
        Assert.Equal(DeliveryState.Failed, report.State);
        Assert.Equal(1, report.Segments);
        Assert.Null(report.OutId);
    }

    [Fact]
    public void SmsReport_HttpPushArray()
    {
        var reports = SmsReportParser.ParsePush("""[{"phone_number":"1","success":true,"biz_id":"a"},{"phone_number":"2","success":"false","biz_id":"b"}]""");
        Assert.Equal([DeliveryState.Delivered, DeliveryState.Failed], reports.Select(r => r.State));
    }

    [Fact]
    public void SmsUp_SequenceIdNumberOrString()
    {
        var fromNumber = SmsUpParser.Parse("""{"phone_number":"13800000001","content":"TD","send_time":"2026-03-01 10:00:00","dest_code":"1234","sequence_id":1234567}""");
        var fromPush = SmsUpParser.ParsePush("""[{"phone_number":"13800000001","content":"退订","send_time":"2026-03-01 10:00:00","dest_code":"1234","sequence_id":"99","sign_name":"群发科技"}]""");

        Assert.Equal(new InboundMessage("13800000001", "TD", new DateTimeOffset(2026, 3, 1, 10, 0, 0, Shanghai), "1234", "1234567", null), fromNumber);
        Assert.Equal("99", fromPush[0].SequenceId);
        Assert.Equal("群发科技", fromPush[0].SignName);
    }

    [Fact]
    public void SignSmsReport_MnsAndPushTicketKeys()
    {
        var mns = SignSmsReportParser.Parse("""{"sign_name":"群发科技","sign_status":"rejected","reason":"资质不符","sign_source":"0","create_date":"2026-03-01 10:00:00","order_id":"123"}""");
        var push = SignSmsReportParser.ParsePush("""[{"sign_name":"群发科技","sign_status":"approved","orderId":"124"}]""");

        Assert.Equal(new ReviewStatus(ReviewState.Rejected, "资质不符"), mns.Status);
        Assert.Equal("123", mns.OrderId);
        Assert.Equal(ReviewState.Approved, push[0].Status.State);
        Assert.Equal("124", push[0].OrderId);
    }

    [Fact]
    public void TemplateSmsReport()
    {
        var report = TemplateSmsReportParser.Parse("""{"template_code":"SMS_1","template_name":"验证码","template_content":"x","template_type":"0","template_status":"approving","order_id":7}""");
        Assert.Equal("SMS_1", report.TemplateCode);
        Assert.Equal(ReviewState.UnderReview, report.Status.State);
        Assert.Equal("7", report.OrderId);
    }

    [Fact]
    public void Malformed_Throws()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => SmsReportParser.Parse("{"));
        Assert.Throws<FormatException>(() => SmsReportParser.Parse("\"text\""));
        Assert.Throws<FormatException>(() => SmsReportParser.Parse("[]"));
    }

    [Fact]
    public void PushAcknowledgement() => Assert.Equal("{\"code\":0,\"msg\":\"接收成功\"}", HttpPushAcknowledgement.Body);
}
