using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Web.Features.Customers;

/// <summary>Verification codes are kept as salted hashes, so reading the database does not reveal live codes.</summary>
public static class CodeHasher
{
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return Convert.ToBase64String(salt) + ":" + Convert.ToBase64String(Digest(salt, code));
    }

    public static bool Matches(string stored, string? code)
    {
        var parts = stored.Split(':');
        if (parts.Length != 2 || string.IsNullOrEmpty(code)) return false;
        return CryptographicOperations.FixedTimeEquals(Digest(Convert.FromBase64String(parts[0]), code.Trim()), Convert.FromBase64String(parts[1]));
    }

    private static byte[] Digest(byte[] salt, string code) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(code)]);
}
