using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Aliyun.Signing;

/// <summary>RPC signature V1 (HMAC-SHA1).</summary>
public static class RpcSignatureV1
{
    public const string SignatureMethod = "HMAC-SHA1";
    public const string SignatureVersion = "1.0";

    public static string CanonicalizedQueryString(IEnumerable<KeyValuePair<string, string>> parameters) =>
        CanonicalQuery.Build(parameters.Where(p => p.Key != "Signature"));

    public static string StringToSign(string method, string canonicalizedQueryString) =>
        method.ToUpperInvariant() + "&" + AliyunPercentEncoder.Encode("/") + "&" + AliyunPercentEncoder.Encode(canonicalizedQueryString);

    public static string Sign(string stringToSign, string accessKeySecret)
    {
        var key = Encoding.UTF8.GetBytes(accessKeySecret + "&");
        return Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret) =>
        Sign(StringToSign(method, CanonicalizedQueryString(parameters)), accessKeySecret);
}
