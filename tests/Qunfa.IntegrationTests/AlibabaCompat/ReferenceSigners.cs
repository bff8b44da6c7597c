using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qunfa.IntegrationTests.AlibabaCompat;

/// <summary>
/// Minimal V1 and V3 signers written from /work/shared/reference/aliyun-sms.md §1–2 alone, independent of
/// Qunfa.Aliyun, so the endpoint is checked against the protocol and not against our own client.
/// </summary>
public static class ReferenceSigners
{
    public const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>RFC 3986: only A–Z a–z 0–9 - _ . ~ stay, upper-case hex.</summary>
    public static string Enc(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public static string Canonical(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Enc(p.Key) + "=" + Enc(p.Value)));

    public static string V1StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters) =>
        method + "&" + Enc("/") + "&" + Enc(Canonical(parameters.Where(p => p.Key != "Signature")));

    public static string V1Sign(string stringToSign, string secret) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));

    public static string V3CanonicalRequest(string method, string canonicalQuery, IReadOnlyList<(string Name, string Value)> headers, string payloadHash)
    {
        var sorted = headers.OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        return method + "\n/\n" + canonicalQuery + "\n"
            + string.Concat(sorted.Select(h => h.Name + ":" + h.Value.Trim() + "\n")) + "\n"
            + string.Join(";", sorted.Select(h => h.Name)) + "\n" + payloadHash;
    }

    public static string V3StringToSign(string canonicalRequest) =>
        "ACS3-HMAC-SHA256\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    public static string V3Sign(string stringToSign, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A V1 call: business parameters plus the common ones, signed; <paramref name="asForm"/> puts them all in a POST body.</summary>
    public static HttpRequestMessage V1(string path, string action, IDictionary<string, string> business, string accessKeyId, string secret,
        string method = "GET", bool asForm = false, string format = "JSON", DateTimeOffset? at = null, string? nonce = null,
        Action<Dictionary<string, string>>? adjust = null)
    {
        var all = new Dictionary<string, string>(business)
        {
            ["Action"] = action,
            ["Version"] = "2017-05-25",
            ["AccessKeyId"] = accessKeyId,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["SignatureNonce"] = nonce ?? Guid.NewGuid().ToString(),
            ["Timestamp"] = Timestamp(at ?? DateTimeOffset.UtcNow),
            ["RegionId"] = "cn-hangzhou",
        };
        if (format.Length > 0) all["Format"] = format;
        adjust?.Invoke(all);
        all["Signature"] = V1Sign(V1StringToSign(method, all), secret);
        var encoded = Canonical(all);
        if (asForm)
            return new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent(encoded, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
        return new HttpRequestMessage(new HttpMethod(method), path + "?" + encoded);
    }

    /// <summary>
    /// A V3 call as the current SDK makes it: POST, parameters in the query, empty body; or, with
    /// <paramref name="asForm"/>, the parameters in a form body whose hash and content type are signed.
    /// </summary>
    public static HttpRequestMessage V3(string path, string host, string action, IDictionary<string, string> business, string accessKeyId, string secret,
        DateTimeOffset? at = null, string? nonce = null, bool asForm = false)
    {
        var query = asForm ? "" : Canonical(business);
        var body = asForm ? Encoding.UTF8.GetBytes(Canonical(business)) : [];
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        List<(string Name, string Value)> headers =
        [
            ("host", host),
            ("x-acs-action", action),
            ("x-acs-version", "2017-05-25"),
            ("x-acs-date", Timestamp(at ?? DateTimeOffset.UtcNow)),
            ("x-acs-signature-nonce", nonce ?? Guid.NewGuid().ToString("N")),
            ("x-acs-content-sha256", hash),
        ];
        if (asForm) headers.Add(("content-type", "application/x-www-form-urlencoded"));
        var signature = V3Sign(V3StringToSign(V3CanonicalRequest("POST", query, headers, hash)), secret);
        var message = new HttpRequestMessage(HttpMethod.Post, query.Length == 0 ? path : path + "?" + query);
        if (asForm)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }
        foreach (var (name, value) in headers.Where(h => h.Name is not ("host" or "content-type"))) message.Headers.TryAddWithoutValidation(name, value);
        message.Headers.TryAddWithoutValidation("Authorization",
            $"ACS3-HMAC-SHA256 Credential={accessKeyId},SignedHeaders={string.Join(";", headers.Select(h => h.Name).Order(StringComparer.Ordinal))},Signature={signature}");
        return message;
    }
}
