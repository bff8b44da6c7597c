using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Qunfa.Emulators.Mns;

internal static class MnsXml
{
    public static readonly XNamespace Ns = "http://mns.aliyuncs.com/doc/v1/";
    public const string HostId = "http://1943695596114318.mns.cn-hangzhou.aliyuncs.com";

    public static IResult Messages(IReadOnlyList<ReceivedMessage> messages, bool batch, string requestId) =>
        batch
            ? Xml(new XElement(Ns + "Messages", messages.Select(Message)), 200, requestId)
            : Xml(Message(messages[0]), 200, requestId);

    public static IResult Error(int status, string code, string message, string requestId) =>
        Xml(new XElement(Ns + "Error",
            new XElement(Ns + "Code", code),
            new XElement(Ns + "Message", message),
            new XElement(Ns + "RequestId", requestId),
            new XElement(Ns + "HostId", HostId)), status, requestId);

    public static IResult BatchDeleteErrors(IEnumerable<string> badHandles, string requestId) =>
        Xml(new XElement(Ns + "Errors", badHandles.Select(h => new XElement(Ns + "Error",
            new XElement(Ns + "ErrorCode", "ReceiptHandleError"),
            new XElement(Ns + "ErrorMessage", "The receipt handle you provide is not valid."),
            new XElement(Ns + "ReceiptHandle", h)))), 404, requestId);

    public static IResult NoContent(string requestId) => new XmlResult(null, 204, requestId);

    private static XElement Message(ReceivedMessage m) =>
        new(Ns + "Message",
            new XElement(Ns + "MessageId", m.MessageId),
            new XElement(Ns + "ReceiptHandle", m.ReceiptHandle),
            new XElement(Ns + "MessageBodyMD5", m.BodyMd5),
            new XElement(Ns + "MessageBody", m.Body),
            new XElement(Ns + "EnqueueTime", m.EnqueueTimeMs.ToString(CultureInfo.InvariantCulture)),
            new XElement(Ns + "NextVisibleTime", m.NextVisibleTimeMs.ToString(CultureInfo.InvariantCulture)),
            new XElement(Ns + "FirstDequeueTime", m.FirstDequeueTimeMs.ToString(CultureInfo.InvariantCulture)),
            new XElement(Ns + "DequeueCount", m.DequeueCount.ToString(CultureInfo.InvariantCulture)),
            new XElement(Ns + "Priority", "8"));

    private static IResult Xml(XElement root, int status, string requestId) =>
        new XmlResult("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting), status, requestId);

    private sealed class XmlResult(string? body, int status, string requestId) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.Headers["x-mns-request-id"] = requestId;
            if (body is not null)
            {
                response.ContentType = "text/xml;charset=utf-8";
                await response.WriteAsync(body, Encoding.UTF8);
            }
        }
    }

    public static List<string>? ParseReceiptHandles(string xml)
    {
        try
        {
            var doc = XDocument.Parse(xml);
            if (doc.Root is null || doc.Root.Name.LocalName != "ReceiptHandles")
            {
                return null;
            }
            return doc.Root.Elements().Where(e => e.Name.LocalName == "ReceiptHandle").Select(e => e.Value.Trim()).ToList();
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
