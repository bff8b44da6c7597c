namespace Qunfa.Aliyun.Signing;

/// <summary>Sorted (ordinal), percent-encoded <c>k=v</c> pairs joined with <c>&amp;</c>; shared by V1, V3 and the wire query.</summary>
public static class CanonicalQuery
{
    public static string Build(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => AliyunPercentEncoder.Encode(p.Key) + "=" + AliyunPercentEncoder.Encode(p.Value)));
}
