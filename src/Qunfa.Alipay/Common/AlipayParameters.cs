using System.Text;

namespace Qunfa.Alipay.Common;

public static class AlipayParameters
{
    /// <summary>Form-decodes a query string or x-www-form-urlencoded body ('+' is a space, %2B a plus), keeping order and duplicates.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var start = query.IndexOf('?', StringComparison.Ordinal);
        if (start >= 0)
        {
            query = query[(start + 1)..];
        }

        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            result.Add(new(Decode(key), Decode(value)));
        }

        return result;
    }

    /// <summary>Percent-encodes as a query string (UTF-8, spaces as %20).</summary>
    public static string ToQuery(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var builder = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    internal static Uri AppendQuery(Uri gateway, string query)
    {
        var text = gateway.ToString();
        return new Uri(text + (text.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
