using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Aliyun.Tests.Emulator;

/// <summary>Client-side signing written independently for the tests (neither the emulator's nor Qunfa.Aliyun's code).</summary>
internal static class TestSigning
{
    public static string Enc(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2"));
            }
        }
        return sb.ToString();
    }

    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Enc(p.Key) + "=" + Enc(p.Value)));

    public static string V1StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters) =>
        method + "&" + Enc("/") + "&" + Enc(CanonicalQuery(parameters));

    public static string V1Signature(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(secret + "&"));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(V1StringToSign(method, parameters))));
    }

    public static string Sha256Hex(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();

    public static string V3Signature(string method, string canonicalQuery, SortedDictionary<string, string> headers, string bodySha256, string secret)
    {
        var canonicalHeaders = string.Concat(headers.Select(h => h.Key + ":" + h.Value.Trim() + "\n"));
        var signedHeaders = string.Join(";", headers.Keys);
        var canonicalRequest = method + "\n/\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + bodySha256;
        var stringToSign = "ACS3-HMAC-SHA256\n" + Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign))).ToLowerInvariant();
    }

    public static string MnsSignature(string verb, string contentMd5, string contentType, string date, IDictionary<string, string> mnsHeaders, string resource, string secret)
    {
        var headerLines = string.Concat(mnsHeaders.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Key + ":" + h.Value + "\n"));
        var stringToSign = verb + "\n" + contentMd5 + "\n" + contentType + "\n" + date + "\n" + headerLines + resource;
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(secret));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }
}
