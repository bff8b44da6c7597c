using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Web.Features.Setup;

/// <summary>
/// The one-time 安装码 that step 1 of the wizard asks for, so that only whoever can read the server's log (or
/// its data directory) can take the fresh install. 16 characters without look-alikes (no I, O, 0, 1), shown in
/// groups of four; dashes, spaces and case do not matter when typed. Only its SHA-256 is stored: a random code
/// of 80 bits needs no slow hash.
/// </summary>
public static class SetupCode
{
    public const string FileName = "setup-code.txt";
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 16);
        return string.Join('-', chars.Chunk(4).Select(c => new string(c)));
    }

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    public static bool Matches(string? storedHash, string? typed) =>
        storedHash is { Length: 64 } && !string.IsNullOrWhiteSpace(typed)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(typed)));

    private static string Normalize(string code) =>
        new(code.Where(c => c is not ('-' or ' ' or '\t')).Select(char.ToUpperInvariant).ToArray());
}
