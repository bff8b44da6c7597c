using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Emulators.Signing;

internal static class RpcSignatureV3
{
    public const string Algorithm = "ACS3-HMAC-SHA256";

    public static string CanonicalRequest(
        string method,
        IEnumerable<KeyValuePair<string, string>> queryParameters,
        IReadOnlyList<string> signedHeaders,
        Func<string, string> headerValue,
        string hashedPayload)
    {
        var query = string.Join('&', queryParameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => AliyunPercentEncoder.Encode(p.Key) + "=" + AliyunPercentEncoder.Encode(p.Value)));
        var sb = new StringBuilder();
        sb.Append(method.ToUpperInvariant()).Append('\n');
        // The real host always sees "/", whatever prefix the emulator is mounted under.
        sb.Append('/').Append('\n');
        sb.Append(query).Append('\n');
        foreach (var name in signedHeaders)
        {
            sb.Append(name).Append(':').Append(headerValue(name).Trim()).Append('\n');
        }
        sb.Append('\n');
        sb.Append(string.Join(';', signedHeaders)).Append('\n');
        sb.Append(hashedPayload);
        return sb.ToString();
    }

    public static string StringToSign(string canonicalRequest) =>
        Algorithm + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));

    public static string Sign(string stringToSign, string accessKeySecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static bool TryParseAuthorization(string header, out string accessKeyId, out IReadOnlyList<string> signedHeaders, out string signature)
    {
        accessKeyId = "";
        signedHeaders = [];
        signature = "";
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return false;
        }
        string? credential = null, headers = null, sig = null;
        foreach (var part in header[(Algorithm.Length + 1)..].Split(','))
        {
            var kv = part.Trim();
            var eq = kv.IndexOf('=');
            if (eq <= 0)
            {
                return false;
            }
            var value = kv[(eq + 1)..].Trim();
            switch (kv[..eq].Trim())
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": headers = value; break;
                case "Signature": sig = value; break;
            }
        }
        if (string.IsNullOrEmpty(credential) || string.IsNullOrEmpty(headers) || string.IsNullOrEmpty(sig))
        {
            return false;
        }
        accessKeyId = credential;
        signedHeaders = headers.Split(';');
        signature = sig;
        return true;
    }
}
