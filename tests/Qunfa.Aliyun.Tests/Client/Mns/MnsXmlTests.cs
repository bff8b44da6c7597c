using System.Text;
using Qunfa.Aliyun.Mns;

namespace Qunfa.Aliyun.Tests.Client.Mns;

public sealed class MnsXmlTests
{
    internal const string ReportJson = """{"phone_number":"13800000001","send_time":"2026-03-01 10:00:00","report_time":"2026-03-01 10:00:05","success":true,"err_code":"DELIVERED","err_msg":"用户接收成功","sms_size":"1","biz_id":"900619746936498440^0","out_id":"o1"}""";

    internal static string MessagesXml(params (string Id, string Handle, string Json)[] messages) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Messages xmlns=\"http://mns.aliyuncs.com/doc/v1/\">"
        + string.Concat(messages.Select(m =>
            $"<Message><MessageId>{m.Id}</MessageId><ReceiptHandle>{m.Handle}</ReceiptHandle><MessageBodyMD5>ABC</MessageBodyMD5>"
            + $"<MessageBody>{Convert.ToBase64String(Encoding.UTF8.GetBytes(m.Json))}</MessageBody><EnqueueTime>1772330400000</EnqueueTime>"
            + "<NextVisibleTime>1772330430000</NextVisibleTime><FirstDequeueTime>1772330401000</FirstDequeueTime><DequeueCount>2</DequeueCount><Priority>8</Priority></Message>"))
        + "</Messages>";

    [Fact]
    public void ParsesBatchAndDecodesBase64Bodies()
    {
        var messages = MnsXml.ParseMessages(MessagesXml(("M1", "H1", ReportJson), ("M2", "H2", "{\"content\":\"退订\"}")));

        Assert.Equal(2, messages.Count);
        var first = messages[0];
        Assert.Equal("M1", first.MessageId);
        Assert.Equal("H1", first.ReceiptHandle);
        Assert.Equal(ReportJson, first.Body);
        Assert.Equal("ABC", first.BodyMd5);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1772330400000), first.EnqueueTime);
        Assert.Equal(2, first.DequeueCount);
        Assert.Equal(8, first.Priority);
        Assert.Equal("{\"content\":\"退订\"}", messages[1].Body);
    }

    [Fact]
    public void ParsesSingleMessageWithoutNamespace()
    {
        var message = Assert.Single(MnsXml.ParseMessages("<Message><MessageId>M</MessageId><ReceiptHandle>H</ReceiptHandle><MessageBody>{\"a\":1}</MessageBody></Message>"));
        Assert.Equal("{\"a\":1}", message.Body);
    }

    [Fact]
    public void ParsesError()
    {
        var error = MnsXml.ParseError("""<?xml version="1.0" encoding="UTF-8"?><Error xmlns="http://mns.aliyuncs.com/doc/v1/"><Code>MessageNotExist</Code><Message>Message not exist.</Message><RequestId>R</RequestId><HostId>h</HostId></Error>""");
        Assert.Equal(("MessageNotExist", "Message not exist.", "R"), error);
    }

    [Fact]
    public void WritesReceiptHandles()
    {
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ReceiptHandles xmlns=\"http://mns.aliyuncs.com/doc/v1/\"><ReceiptHandle>a&amp;b</ReceiptHandle><ReceiptHandle>c</ReceiptHandle></ReceiptHandles>",
            MnsXml.ReceiptHandles(["a&b", "c"]));
    }

    [Fact]
    public void ParsesBatchDeleteErrors()
    {
        var errors = MnsXml.ParseBatchDeleteErrors(
            "<Errors xmlns=\"http://mns.aliyuncs.com/doc/v1/\"><Error><ErrorCode>ReceiptHandleError</ErrorCode><ErrorMessage>x</ErrorMessage><ReceiptHandle>H2</ReceiptHandle></Error></Errors>");
        Assert.Equal(("H2", "ReceiptHandleError"), Assert.Single(errors));
    }

    [Fact]
    public void BodyDecoding_ToleratesRawJsonAndGarbage()
    {
        Assert.Equal("{\"x\":1}", MnsBody.Decode(" {\"x\":1} "));
        Assert.Equal("not base64!", MnsBody.Decode("not base64!"));
        Assert.Equal("[1]", MnsBody.Decode(MnsBody.Encode("[1]")));
    }
}
