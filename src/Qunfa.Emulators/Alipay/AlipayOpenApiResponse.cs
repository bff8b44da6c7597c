using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Qunfa.Emulators.Alipay;

internal static class AlipayOpenApiResponse
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes {"&lt;method&gt;_response":{…},"sign":"…"}, signing the exact text written for the inner object.</summary>
    public static Task WriteAsync(HttpContext context, AlipayEmulatorState state, string method, IEnumerable<KeyValuePair<string, string>> fields, bool sign)
    {
        var name = method == "error" ? "error_response" : method.Replace('.', '_') + "_response";
        var inner = Serialize(fields);
        var body = new StringBuilder().Append("{\"").Append(name).Append("\":").Append(inner);
        if (sign)
        {
            body.Append(",\"sign\":\"").Append(AlipayEmulatorSigning.Rsa2(inner, state.Options.AlipayPrivateKey)).Append('"');
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.Append('}').ToString(), Encoding.UTF8, context.RequestAborted);
    }

    private static string Serialize(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in fields)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
