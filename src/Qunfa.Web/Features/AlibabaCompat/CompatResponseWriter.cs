using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Qunfa.Web.Features.AlibabaCompat;

/// <summary>Writes a result the way Alibaba's POP gateway does: JSON, or XML when a V1 call asked for it.</summary>
public static class CompatResponseWriter
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Write(CompatResult result, string requestId, string action, string hostId, bool xml)
    {
        var doc = new JsonObject { ["RequestId"] = requestId };
        if (result.IsGatewayError)
        {
            doc["HostId"] = hostId;
            doc["Code"] = result.Code;
            doc["Message"] = result.Message;
            doc["Recommend"] = $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(result.Code)}&product=Dysmsapi";
        }
        else
        {
            doc["Code"] = result.Code;
            doc["Message"] = result.Message;
            if (result.Body is { } body)
                foreach (var (key, value) in body)
                    doc[key] = value?.DeepClone();
        }
        return xml
            ? Results.Content(ToXml(doc, result.IsGatewayError ? "Error" : action + "Response"), "text/xml; charset=utf-8", Encoding.UTF8, result.Status)
            : Results.Content(doc.ToJsonString(Json), "application/json; charset=utf-8", Encoding.UTF8, result.Status);
    }

    private static string ToXml(JsonObject doc, string root)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            w.WriteStartElement(root);
            WriteObject(w, doc);
            w.WriteEndElement();
        }
        return sb.ToString();
    }

    private static void WriteObject(XmlWriter w, JsonObject obj)
    {
        foreach (var (key, value) in obj)
        {
            // Alibaba's XML repeats the element per item where its JSON has {"X":{"Item":[…]}}.
            if (value is JsonArray array)
                foreach (var item in array) WriteNode(w, key, item);
            else
                WriteNode(w, key, value);
        }
    }

    private static void WriteNode(XmlWriter w, string name, JsonNode? node)
    {
        w.WriteStartElement(name);
        switch (node)
        {
            case JsonObject o: WriteObject(w, o); break;
            case JsonValue v: w.WriteString(v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()); break;
        }
        w.WriteEndElement();
    }
}
