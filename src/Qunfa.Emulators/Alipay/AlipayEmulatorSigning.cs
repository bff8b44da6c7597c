using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Emulators.Alipay;

/// <summary>The emulator's own server-side signing (independent of Qunfa.Alipay, so contract tests check one against the other).</summary>
internal static class AlipayEmulatorSigning
{
    public static string Content(IEnumerable<KeyValuePair<string, string>> parameters, params string[] excluded) =>
        string.Join('&', parameters
            .Where(p => p.Value.Length > 0 && Array.IndexOf(excluded, p.Key) < 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));

    public static string Md5(IEnumerable<KeyValuePair<string, string>> parameters, string key) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(Content(parameters, "sign", "sign_type") + key)));

    public static bool Md5Matches(IReadOnlyDictionary<string, string> parameters, string key) =>
        parameters.TryGetValue("sign", out var sign)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sign.ToLowerInvariant()), Encoding.ASCII.GetBytes(Md5(parameters, key)));

    public static string Rsa2(string content, string privateKeyPem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        return Convert.ToBase64String(rsa.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public static bool Rsa2Matches(string content, string? signature, string publicKey)
    {
        try
        {
            using var rsa = RSA.Create();
            if (publicKey.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(publicKey);
            }
            else
            {
                rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
            }

            return signature is not null
                && rsa.VerifyData(Encoding.UTF8.GetBytes(content), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return false;
        }
    }

    public static string Yuan(long fen) => string.Create(CultureInfo.InvariantCulture, $"{fen / 100}.{fen % 100:00}");

    /// <summary>Strict "d+(.d{1,2})?" yuan to fen.</summary>
    public static bool TryFen(string? yuan, out long fen)
    {
        fen = 0;
        if (string.IsNullOrEmpty(yuan) || yuan.Length > 16 || !decimal.TryParse(yuan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var dot = yuan.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && (yuan.Length - dot - 1 is 0 or > 2) || dot == 0)
        {
            return false;
        }

        fen = (long)(value * 100);
        return true;
    }

    public static string Time(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
