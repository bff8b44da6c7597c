using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Qunfa.Aliyun.Signing;

namespace Qunfa.Web.Features.AlibabaCompat;

/// <summary>One Alibaba-style call as received: parameters from the query and a form body, headers and the raw body for V3's hash.</summary>
public sealed class CompatRequest
{
    /// <summary>SendSms with 1000 numbers and long values stays far below this.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private CompatRequest(string method, string host, IHeaderDictionary headers, byte[] body,
        List<KeyValuePair<string, string>> query, List<KeyValuePair<string, string>> form)
    {
        Method = method;
        Host = host;
        Headers = headers;
        Body = body;
        Query = query;
        All = [.. query, .. form];
        foreach (var (k, v) in All) Parameters[k] = v;
    }

    public string Method { get; }
    public string Host { get; }
    public IHeaderDictionary Headers { get; }
    public byte[] Body { get; }
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }
    /// <summary>Query and form pairs together, as V1 signs them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> All { get; }
    public Dictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    public bool IsV3 => Headers.Authorization.ToString().StartsWith(AcsSignatureV3.Algorithm, StringComparison.Ordinal);

    public string Action => (IsV3 ? Headers["x-acs-action"].ToString() : Get("Action")) ?? "";

    public string? Version => IsV3 ? Headers["x-acs-version"].ToString() : Get("Version");

    /// <summary>V1 answers in XML unless the caller asked for JSON, as Alibaba does; V3 callers get JSON.</summary>
    public bool WantsXml => !IsV3 && !string.Equals(Get("Format"), "JSON", StringComparison.OrdinalIgnoreCase);

    public string? Get(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>The request, or null when the body is larger than <see cref="MaxBodyBytes"/>.</summary>
    public static async Task<CompatRequest?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        var body = buffer.ToArray();
        var form = IsForm(request) ? Pairs(QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body))) : [];
        return new CompatRequest(request.Method, request.Host.Value ?? "", request.Headers, body, Pairs(request.Query), form);
    }

    public static bool IsForm(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static List<KeyValuePair<string, string>> Pairs(IEnumerable<KeyValuePair<string, StringValues>> source)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in source)
            foreach (var value in values)
                list.Add(new(key, value ?? ""));
        return list;
    }
}
