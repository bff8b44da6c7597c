using System.Security.Cryptography;
using Qunfa.Web.Features.Customers;

namespace Qunfa.Web.Features.AdminAuth.TwoFactor;

/// <summary>Ten single-use codes in place of a lost authenticator: "xxxxx-xxxxx" from letters and digits that are not mistaken for each other.</summary>
public static class RecoveryCodes
{
    public const int Count = 10;
    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
    private const int Length = 10;

    public static IReadOnlyList<string> New() =>
        [.. Enumerable.Range(0, Count).Select(_ =>
        {
            var chars = Enumerable.Range(0, Length).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray();
            return new string(chars, 0, Length / 2) + "-" + new string(chars, Length / 2, Length / 2);
        })];

    /// <summary>What is hashed and compared: lower case, without the dash or spaces; null when it cannot be a recovery code.</summary>
    public static string? Normalize(string? code)
    {
        var compact = string.Concat((code ?? "").Where(c => c != '-' && !char.IsWhiteSpace(c))).ToLowerInvariant();
        return compact.Length == Length && compact.All(Alphabet.Contains) ? compact : null;
    }

    public static string Hash(string code) => CodeHasher.Hash(Normalize(code) ?? throw new ArgumentException("Not a recovery code", nameof(code)));

    public static bool Matches(string hash, string normalized) => CodeHasher.Matches(hash, normalized);
}
