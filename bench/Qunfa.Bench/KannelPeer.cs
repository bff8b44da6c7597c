using System.Diagnostics;
using System.Globalization;

namespace Qunfa.Bench;

/// <summary>
/// Runs ../shared/bench/kannel/run.sh — Kannel with its durable store accepting sendsms over HTTP — in this run, so
/// that a figure of ours is printed beside the peer's measured on the same machine at the same hour.
/// </summary>
public static class KannelPeer
{
    /// <summary>Kannel's accepted msg/s, or null (with the reason printed) when it cannot run here.</summary>
    public static async Task<double?> MeasureAsync(int seconds, int connections)
    {
        var script = FindScript();
        if (script is null)
        {
            Console.WriteLine("  kannel: ../shared/bench/kannel/run.sh not found; no peer figure in this run");
            return null;
        }
        Console.WriteLine($"kannel (peer): {script} {seconds} {connections}");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, seconds.ToString(CultureInfo.InvariantCulture), connections.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        const string Prefix = "kannel-durable-sendsms ";
        if (process.ExitCode == 0 && last.StartsWith(Prefix, StringComparison.Ordinal)
            && double.TryParse(last[Prefix.Length..].Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0)
        {
            Console.WriteLine($"  {last}");
            return rate;
        }
        Console.WriteLine($"  kannel did not run (exit {process.ExitCode}): {last}");
        return null;
    }

    public static string Ratio(double ours, double? peer) =>
        peer is { } p ? $"{ours / p:F2}× Kannel ({ours:N0} / {p:N0})" : "no Kannel figure in this run";

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "bench", "kannel", "run.sh");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
