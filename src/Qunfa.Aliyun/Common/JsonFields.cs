using System.Globalization;
using System.Text.Json;

namespace Qunfa.Aliyun.Common;

/// <summary>Tolerant readers: Alibaba mixes string and number types and the casing of some names.</summary>
internal static class JsonFields
{
    public static JsonElement? Get(this JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (obj.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    public static string? Str(this JsonElement obj, string name) => obj.Get(name) switch
    {
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } e => e.GetRawText(),
        { ValueKind: JsonValueKind.Object or JsonValueKind.Array } e => e.GetRawText(),
        _ => null,
    };

    public static long? Long(this JsonElement obj, string name) => obj.Get(name) switch
    {
        { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var n) => n,
        { ValueKind: JsonValueKind.String } e when long.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    public static int? Int(this JsonElement obj, string name) => obj.Long(name) is { } n ? (int)n : null;

    public static bool? Bool(this JsonElement obj, string name) => obj.Get(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } e when bool.TryParse(e.GetString(), out var b) => b,
        { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var n) => n != 0,
        _ => null,
    };

    public static IEnumerable<JsonElement> Array(this JsonElement obj, string name) => obj.Get(name) switch
    {
        { ValueKind: JsonValueKind.Array } e => e.EnumerateArray(),
        { ValueKind: JsonValueKind.Object } e => [e],
        _ => [],
    };

    private static readonly char[] ListSeparators = [',', '，', '、'];

    /// <summary>Values of an array of strings, or of a string separated by commas or the Chinese enumeration comma (、).</summary>
    public static IReadOnlyList<string> Strings(this JsonElement obj, string name) => obj.Get(name) switch
    {
        { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()).ToList(),
        { ValueKind: JsonValueKind.String } e => e.GetString()!.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };

    /// <summary>Some operations wrap their payload in <c>Data</c> or <c>Model</c>; others put it at the top level.</summary>
    public static JsonElement Payload(this JsonElement root, params string[] wrappers)
    {
        foreach (var wrapper in wrappers)
        {
            if (root.Get(wrapper) is { ValueKind: JsonValueKind.Object } inner)
            {
                return inner;
            }
        }

        return root;
    }
}
