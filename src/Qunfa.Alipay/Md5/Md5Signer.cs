using System.Security.Cryptography;
using System.Text;
using Qunfa.Alipay.Common;

namespace Qunfa.Alipay.Md5;

/// <summary>MD5 over the sorted content (without sign and sign_type) immediately followed by the key; lower-case hex.</summary>
public static class Md5Signer
{
    public static string Sign(IEnumerable<KeyValuePair<string, string?>> parameters, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return SignContentWithKey(SignContent.Build(parameters, "sign", "sign_type"), key);
    }

    public static string SignContentWithKey(string content, string key) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(content + key)));

    public static bool Verify(IEnumerable<KeyValuePair<string, string?>> parameters, string? sign, string key)
    {
        if (string.IsNullOrEmpty(sign) || sign.Length != 32)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parameters, key));
        var actual = Encoding.ASCII.GetBytes(sign.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
