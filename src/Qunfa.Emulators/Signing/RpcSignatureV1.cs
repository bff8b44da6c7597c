using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Emulators.Signing;

internal static class RpcSignatureV1
{
    public static string StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var sorted = parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        var canonical = string.Join('&', sorted.Select(p =>
            AliyunPercentEncoder.Encode(p.Key) + "=" + AliyunPercentEncoder.Encode(p.Value)));
        return method.ToUpperInvariant() + "&" + AliyunPercentEncoder.Encode("/") + "&" + AliyunPercentEncoder.Encode(canonical);
    }

    public static string Sign(string stringToSign, string accessKeySecret)
    {
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign));
        return Convert.ToBase64String(mac);
    }
}
