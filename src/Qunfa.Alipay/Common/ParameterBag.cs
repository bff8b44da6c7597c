namespace Qunfa.Alipay.Common;

/// <summary>Form or query parameters as received; a key sent twice is ambiguous and rejected by the verifiers.</summary>
internal static class ParameterBag
{
    public static bool TryCreate(IEnumerable<KeyValuePair<string, string>> source, out Dictionary<string, string> bag, out string? duplicate)
    {
        bag = new Dictionary<string, string>(StringComparer.Ordinal);
        duplicate = null;
        foreach (var (key, value) in source)
        {
            if (!bag.TryAdd(key, value ?? string.Empty))
            {
                duplicate = key;
                return false;
            }
        }

        return true;
    }

    public static IEnumerable<KeyValuePair<string, string?>> AsNullable(this IReadOnlyDictionary<string, string> bag) =>
        bag.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value));

    public static string? Get(this IReadOnlyDictionary<string, string> bag, string key) =>
        bag.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
