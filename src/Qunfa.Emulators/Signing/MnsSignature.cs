using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Emulators.Signing;

internal static class MnsSignature
{
    public static string StringToSign(
        string verb, string contentMd5, string contentType, string date,
        IEnumerable<KeyValuePair<string, string>> mnsHeaders, string canonicalizedResource)
    {
        var sb = new StringBuilder();
        sb.Append(verb.ToUpperInvariant()).Append('\n')
          .Append(contentMd5).Append('\n')
          .Append(contentType).Append('\n')
          .Append(date).Append('\n');
        foreach (var h in mnsHeaders
                     .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value.Trim()))
                     .OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            sb.Append(h.Key).Append(':').Append(h.Value).Append('\n');
        }
        sb.Append(canonicalizedResource);
        return sb.ToString();
    }

    public static string Sign(string stringToSign, string secret) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));
}
