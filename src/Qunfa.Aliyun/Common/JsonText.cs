using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Qunfa.Aliyun.Common;

/// <summary>Writes JSON-string parameters: template variables (string values only, as Alibaba requires) and arrays.</summary>
internal static class JsonText
{
    // Relaxed escaping keeps Chinese text readable; the value goes into a signed query, never into HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Object(IReadOnlyDictionary<string, string>? values) =>
        values is null ? null : Write(writer => WriteObject(writer, values));

    public static string ArrayOfObjects(IEnumerable<IReadOnlyDictionary<string, string>?> items) =>
        Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                WriteObject(writer, item ?? new Dictionary<string, string>());
            }

            writer.WriteEndArray();
        });

    public static string ArrayOfStrings(IEnumerable<string> items) =>
        Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        });

    private static void WriteObject(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> values)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in values)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
