using System.Security.Cryptography;

namespace Qunfa.Alipay.Rsa2;

/// <summary>Loads keys the way Alipay's console hands them out: PEM, or bare Base64 DER (PKCS#8 / SubjectPublicKeyInfo, PKCS#1 tolerated).</summary>
public static class RsaKeys
{
    public static RSA ImportPrivateKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var rsa = RSA.Create();
        try
        {
            if (key.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(key);
                return rsa;
            }

            var der = DecodeBase64(key);
            try
            {
                rsa.ImportPkcs8PrivateKey(der, out _);
            }
            catch (CryptographicException)
            {
                rsa.ImportRSAPrivateKey(der, out _);
            }

            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    public static RSA ImportPublicKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var rsa = RSA.Create();
        try
        {
            if (key.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(key);
                return rsa;
            }

            var der = DecodeBase64(key);
            try
            {
                rsa.ImportSubjectPublicKeyInfo(der, out _);
            }
            catch (CryptographicException)
            {
                rsa.ImportRSAPublicKey(der, out _);
            }

            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static byte[] DecodeBase64(string key)
    {
        var compact = string.Concat(key.Where(c => !char.IsWhiteSpace(c)));
        try
        {
            return Convert.FromBase64String(compact);
        }
        catch (FormatException ex)
        {
            throw new CryptographicException("The key is neither PEM nor Base64 DER.", ex);
        }
    }
}
