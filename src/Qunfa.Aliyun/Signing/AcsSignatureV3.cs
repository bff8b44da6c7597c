using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Aliyun.Signing;

/// <summary>Signature V3 (ACS3-HMAC-SHA256). The canonical URI is always "/" for RPC, whatever base path the endpoint has.</summary>
public static class AcsSignatureV3
{
    public const string Algorithm = "ACS3-HMAC-SHA256";

    public static readonly string EmptyBodyHash = HashPayload([]);

    public static string HashPayload(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Headers taking part in the signature: host, content-type and x-acs-*, lower-cased and sorted.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SignedHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers
            .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value.Trim()))
            .Where(h => h.Key is "host" or "content-type" || h.Key.StartsWith("x-acs-", StringComparison.Ordinal))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();

    public static string CanonicalRequest(
        string method,
        string canonicalQueryString,
        IReadOnlyList<KeyValuePair<string, string>> signedHeaders,
        string hashedPayload)
    {
        var builder = new StringBuilder();
        builder.Append(method.ToUpperInvariant()).Append('\n');
        builder.Append('/').Append('\n');
        builder.Append(canonicalQueryString).Append('\n');
        foreach (var (name, value) in signedHeaders)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n');
        builder.Append(SignedHeaderNames(signedHeaders)).Append('\n');
        builder.Append(hashedPayload);
        return builder.ToString();
    }

    public static string SignedHeaderNames(IReadOnlyList<KeyValuePair<string, string>> signedHeaders) =>
        string.Join(';', signedHeaders.Select(h => h.Key));

    public static string HashCanonicalRequest(string canonicalRequest) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    public static string StringToSign(string canonicalRequest) => Algorithm + "\n" + HashCanonicalRequest(canonicalRequest);

    public static string Sign(string stringToSign, string accessKeySecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));

    public static string Authorization(string accessKeyId, string signedHeaderNames, string signature) =>
        $"{Algorithm} Credential={accessKeyId},SignedHeaders={signedHeaderNames},Signature={signature}";
}
