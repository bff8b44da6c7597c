using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Web.Features.HttpApi;

/// <summary>
/// The /api/v1 signature: Base64(HMAC-SHA256(secret, StringToSign)) with StringToSign =
/// METHOD \n path-and-query as sent \n timestamp \n nonce \n lower-case hex SHA-256 of the body.
/// </summary>
public static class ApiRequestSigning
{
    public const string KeyHeader = "X-Qunfa-Key";
    public const string TimestampHeader = "X-Qunfa-Timestamp";
    public const string NonceHeader = "X-Qunfa-Nonce";
    public const string SignatureHeader = "X-Qunfa-Signature";

    public static string StringToSign(string method, string pathAndQuery, string timestamp, string nonce, ReadOnlySpan<byte> body) =>
        string.Join('\n', method.ToUpperInvariant(), pathAndQuery, timestamp, nonce, Convert.ToHexStringLower(SHA256.HashData(body)));

    public static string Sign(string secret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Compares in constant time; a value that is not Base64 simply does not match.</summary>
    public static bool Matches(string secret, string stringToSign, string signature)
    {
        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(signature, given, out var length) || length != 32) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign));
        return CryptographicOperations.FixedTimeEquals(expected, given[..length]);
    }
}
