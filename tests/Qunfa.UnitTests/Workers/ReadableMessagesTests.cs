using Microsoft.Extensions.Logging.Abstractions;
using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Notifications;
using Qunfa.Web.Workers;

namespace Qunfa.UnitTests.Workers;

public sealed class ReadableMessagesTests
{
    private static MnsMessage Message(string handle, string body) => new("id-" + handle, handle, body, null, null, null, null, 1, null);

    [Fact]
    public void Parse_AnUnreadableBody_IsSetAsideForDeletion_TheOthersAreRead()
    {
        var messages = new[]
        {
            Message("good", """{"phone_number":"13800138000","success":true,"err_code":"DELIVERED","biz_id":"1^0","out_id":"a"}"""),
            Message("not-json", "{not json"),
            Message("not-an-object", "42"),
        };

        var read = ReadableMessages<DeliveryReport>.Parse(messages, m => m.ToDeliveryReport(), MnsQueue.SmsReport, NullLogger.Instance);

        Assert.Equal("good", Assert.Single(read.Readable).Message.ReceiptHandle);
        Assert.Equal("13800138000", read.Readable[0].Body.PhoneNumber);
        Assert.Equal(["not-json", "not-an-object"], read.Unreadable);
    }
}
