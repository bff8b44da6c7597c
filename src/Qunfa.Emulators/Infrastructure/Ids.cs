using System.Security.Cryptography;

namespace Qunfa.Emulators.Infrastructure;

internal static class Ids
{
    private static long _counter = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 1_000_000_000;

    public static string RequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();

    public static long NextNumber() => Interlocked.Increment(ref _counter);

    public static string Random(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
