using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Aliyun.Signing;

/// <summary>MNS request signature: <c>Authorization: MNS AccessKeyId:Signature</c>.</summary>
internal static class MnsSignature
{
    public static string StringToSign(
        string verb,
        string? contentMd5,
        string? contentType,
        string date,
        IEnumerable<KeyValuePair<string, string>> headers,
        string canonicalizedResource)
    {
        var builder = new StringBuilder();
        builder.Append(verb.ToUpperInvariant()).Append('\n');
        builder.Append(contentMd5 ?? string.Empty).Append('\n');
        builder.Append(contentType ?? string.Empty).Append('\n');
        builder.Append(date).Append('\n');
        foreach (var (name, value) in headers
                     .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value.Trim()))
                     .Where(h => h.Key.StartsWith("x-mns-", StringComparison.Ordinal))
                     .OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append(canonicalizedResource);
        return builder.ToString();
    }

    public static string Sign(string stringToSign, string accessKeySecret) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));

    public static string Authorization(string accessKeyId, string signature) => $"MNS {accessKeyId}:{signature}";
}
