namespace Qunfa.Emulators.Alipay;

internal static class AlipayGatewayParameters
{
    /// <summary>Form fields and query parameters together (the form action itself carries the charset); repeated or conflicting keys are refused.</summary>
    public static async Task<(Dictionary<string, string>? Parameters, string? Error)> ReadAsync(HttpRequest request)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, values) in form)
            {
                if (values.Count != 1)
                {
                    return (null, $"参数 {key} 重复");
                }

                result[key] = values[0] ?? string.Empty;
            }
        }

        foreach (var (key, values) in request.Query)
        {
            if (values.Count != 1 || (result.TryGetValue(key, out var existing) && existing != values[0]))
            {
                return (null, $"参数 {key} 重复");
            }

            result[key] = values[0] ?? string.Empty;
        }

        return (result, null);
    }

    public static string? Get(this IReadOnlyDictionary<string, string> parameters, string key) =>
        parameters.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    public static Uri? AbsoluteHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;

    /// <summary>"90m", "2h", "15d"; "1c" (end of today) is treated as one day.</summary>
    public static TimeSpan? Timeout(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 2 || !int.TryParse(text[..^1], out var n) || n <= 0)
        {
            return null;
        }

        return text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' or 'c' => TimeSpan.FromDays(n),
            _ => null,
        };
    }

    public static Uri WithQuery(Uri url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var query = string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var text = url.AbsoluteUri;
        return new Uri(text + (text.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
    }
}
