using System.Text;

namespace Qunfa.Alipay.Common;

/// <summary>The string both protocols sign: non-empty parameters sorted ordinally, raw "k=v" joined by '&amp;'.</summary>
public static class SignContent
{
    public static string Build(IEnumerable<KeyValuePair<string, string?>> parameters, params string[] excludedKeys)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var pairs = parameters
            .Where(p => !string.IsNullOrEmpty(p.Value) && !excludedKeys.Contains(p.Key, StringComparer.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(key).Append('=').Append(value);
        }

        return builder.ToString();
    }
}
