using Qunfa.Aliyun.Mns;

namespace Qunfa.Aliyun.Notifications;

/// <summary>Typed views of a received MNS message body, one per queue message type.</summary>
public static class MnsMessageExtensions
{
    public static DeliveryReport ToDeliveryReport(this MnsMessage message) => SmsReportParser.Parse(message.Body);

    public static InboundMessage ToInboundMessage(this MnsMessage message) => SmsUpParser.Parse(message.Body);

    public static SignReviewReport ToSignReviewReport(this MnsMessage message) => SignSmsReportParser.Parse(message.Body);

    public static TemplateReviewReport ToTemplateReviewReport(this MnsMessage message) => TemplateSmsReportParser.Parse(message.Body);
}
