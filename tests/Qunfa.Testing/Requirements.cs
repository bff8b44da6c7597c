using Xunit;

namespace Qunfa.Testing;

/// <summary>
/// Services a test needs from the machine. On a laptop without them the test is skipped; in CI
/// (CI=true) a missing service fails the test, so nothing passes by silently not running.
/// </summary>
public static class Requirements
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A connection string to a PostgreSQL server whose user may create databases.</summary>
    public static string Postgres() =>
        Environment.GetEnvironmentVariable("QUNFA_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : Missing("PostgreSQL: set QUNFA_TEST_POSTGRES to a connection string (e.g. Host=127.0.0.1;Username=postgres;Password=postgres)");

    public static string Chromium()
    {
        var path = Environment.GetEnvironmentVariable("QUNFA_TEST_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        return File.Exists(path) ? path : Missing($"Chromium not found at {path} (apt-get install chromium fonts-wqy-microhei)");
    }

    /// <summary>A program the test runs, e.g. /usr/bin/curl.</summary>
    public static string Tool(string path) =>
        File.Exists(path) ? path : Missing($"{path} not found (apt-get install {Path.GetFileName(path)})");

    private static string Missing(string what)
    {
        if (InCi) throw new InvalidOperationException($"Required in CI but missing: {what}");
        Assert.Skip($"Skipped, not available here: {what}");
        return "";
    }
}
