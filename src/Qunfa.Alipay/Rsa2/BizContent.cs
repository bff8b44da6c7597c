using System.Text;
using System.Text.Json;

namespace Qunfa.Alipay.Rsa2;

internal static class BizContent
{
    /// <summary>A flat JSON object of strings in the given order, omitting nulls.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                if (value is not null)
                {
                    writer.WriteString(name, value);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
