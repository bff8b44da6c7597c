using System.Security.Cryptography;

namespace Qunfa.Emulators.Infrastructure;

internal static class Ids
{
    private static long _counter = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 1_000_000_000;

    public static string RequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();

    public static long NextNumber() => Interlocked.Increment(ref _counter);

    /// <summary>A review order or work order id as Alibaba writes them: a number, as text.</summary>
    public static string OrderId() => NextNumber().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Random(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
