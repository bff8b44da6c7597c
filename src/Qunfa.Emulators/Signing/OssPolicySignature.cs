using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Emulators.Signing;

internal static class OssPolicySignature
{
    public static string Sign(string base64Policy, string secret) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(base64Policy)));
}
