using System.Security.Cryptography;
using System.Text;
using Qunfa.Alipay.Common;

namespace Qunfa.Alipay.Rsa2;

/// <summary>SHA256withRSA (PKCS#1 v1.5) over UTF-8, Base64.</summary>
public static class Rsa2Signer
{
    public static string Sign(string content, string privateKey)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var rsa = RsaKeys.ImportPrivateKey(privateKey);
        return Convert.ToBase64String(rsa.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public static bool Verify(string content, string? signature, string publicKey)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        using var rsa = RsaKeys.ImportPublicKey(publicKey);
        return rsa.VerifyData(Encoding.UTF8.GetBytes(content), signatureBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Request signing covers every parameter except sign (sign_type included).</summary>
    public static string SignRequest(IEnumerable<KeyValuePair<string, string?>> parameters, string privateKey) =>
        Sign(SignContent.Build(parameters, "sign"), privateKey);

    /// <summary>Notification and return verification excludes both sign and sign_type.</summary>
    public static bool VerifyNotification(IEnumerable<KeyValuePair<string, string?>> parameters, string? signature, string alipayPublicKey) =>
        Verify(SignContent.Build(parameters, "sign", "sign_type"), signature, alipayPublicKey);
}
