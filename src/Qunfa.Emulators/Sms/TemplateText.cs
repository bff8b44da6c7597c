using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Qunfa.Emulators.Sms;

internal static partial class TemplateText
{
    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Variable();

    public static string[] Variables(string content) =>
        Variable().Matches(content).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToArray();

    public static bool TryParseParameters(string? json, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return true;
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.String)
                {
                    return false;
                }
                values[p.Name] = p.Value.GetString()!;
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static string Render(string content, IReadOnlyDictionary<string, string> values) =>
        Variable().Replace(content, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    /// <summary>Domestic billing: every character counts one; 70 fit one segment, longer messages go in 67-character parts.</summary>
    public static int Segments(string fullText) => fullText.Length <= 70 ? 1 : (fullText.Length + 66) / 67;

    public static string WithSignature(string signName, string rendered) =>
        new StringBuilder(signName.Length + rendered.Length + 2).Append('【').Append(signName).Append('】').Append(rendered).ToString();
}
