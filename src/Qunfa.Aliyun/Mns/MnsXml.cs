using System.Globalization;
using System.Xml.Linq;

namespace Qunfa.Aliyun.Mns;

/// <summary>Reads and writes the MNS XML documents, matching elements by local name so a missing namespace is tolerated.</summary>
internal static class MnsXml
{
    public static readonly XNamespace Namespace = "http://mns.aliyuncs.com/doc/v1/";

    public static IReadOnlyList<MnsMessage> ParseMessages(string xml)
    {
        var root = XDocument.Parse(xml).Root;
        if (root is null)
        {
            return [];
        }

        var messages = root.Name.LocalName == "Message" ? [root] : root.Elements().Where(e => e.Name.LocalName == "Message");
        return messages.Select(ParseMessage).ToList();
    }

    public static (string? Code, string? Message, string? RequestId) ParseError(string xml)
    {
        try
        {
            var root = XDocument.Parse(xml).Root;
            return (Child(root, "Code"), Child(root, "Message"), Child(root, "RequestId"));
        }
        catch (System.Xml.XmlException)
        {
            return (null, xml.Length > 300 ? xml[..300] : xml, null);
        }
    }

    /// <summary>Receipt handles that a BatchDeleteMessage answer lists as failed.</summary>
    public static IReadOnlyList<(string ReceiptHandle, string? Code)> ParseBatchDeleteErrors(string xml)
    {
        var root = XDocument.Parse(xml).Root;
        return root is null
            ? []
            : root.Elements().Where(e => e.Name.LocalName == "Error" && Child(e, "ReceiptHandle") is not null)
                .Select(e => (Child(e, "ReceiptHandle")!, Child(e, "ErrorCode") ?? Child(e, "Code")))
                .ToList();
    }

    public static string ReceiptHandles(IEnumerable<string> handles)
    {
        var element = new XElement(Namespace + "ReceiptHandles", handles.Select(h => new XElement(Namespace + "ReceiptHandle", h)));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + element.ToString(SaveOptions.DisableFormatting);
    }

    private static MnsMessage ParseMessage(XElement e) => new(
        Child(e, "MessageId") ?? string.Empty,
        Child(e, "ReceiptHandle") ?? string.Empty,
        MnsBody.Decode(Child(e, "MessageBody") ?? string.Empty),
        Child(e, "MessageBodyMD5"),
        EpochMillis(Child(e, "EnqueueTime")),
        EpochMillis(Child(e, "NextVisibleTime")),
        EpochMillis(Child(e, "FirstDequeueTime")),
        int.TryParse(Child(e, "DequeueCount"), CultureInfo.InvariantCulture, out var count) ? count : 0,
        int.TryParse(Child(e, "Priority"), CultureInfo.InvariantCulture, out var priority) ? priority : null);

    private static string? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    private static DateTimeOffset? EpochMillis(string? text) =>
        long.TryParse(text, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
