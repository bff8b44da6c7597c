using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Qunfa.Bench;

/// <summary>
/// Drives the host with wrk, the client Kannel is measured with, so that both figures come from the same client and
/// the host's process pays for the server alone. Every request must be unique (a fresh nonce, its own signature), so
/// they are signed beforehand and wrk replays each once (wrk-replay.lua); a request signed once and sent twice would
/// be refused as a replay and counted as such.
/// </summary>
public static partial class WrkReplay
{
    private const int Threads = 2;

    public sealed record Result(long Requests, long Refused, double Seconds, double P50Ms, double P99Ms, bool RanOut, string Details)
    {
        public long Accepted => Requests - Refused;
        public double Rate => Accepted / Seconds;
    }

    /// <summary>Writes the requests as raw HTTP/1.1, split over wrk's threads, and replays them for <paramref name="seconds"/>.</summary>
    /// <summary>The requests written where wrk's threads read them; the caller may drop its own copy before measuring.</summary>
    public sealed class Files(string prefix, int count) : IDisposable
    {
        public string Prefix => prefix;
        public int Count => count;

        public void Dispose()
        {
            for (var t = 0; t < Threads; t++) File.Delete($"{prefix}.{t}");
        }
    }

    public static async Task<Files> WriteAsync(IReadOnlyList<byte[]> requests)
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"qunfa-wrk-{Environment.ProcessId}");
        for (var t = 0; t < Threads; t++)
        {
            await using var file = File.Create($"{prefix}.{t}");
            for (var i = t; i < requests.Count; i += Threads)
            {
                await file.WriteAsync(Encoding.ASCII.GetBytes(requests[i].Length.ToString(CultureInfo.InvariantCulture) + "\n"));
                await file.WriteAsync(requests[i]);
            }
        }
        return new Files(prefix, requests.Count);
    }

    public static async Task<Result> RunAsync(Uri root, Files requests, int seconds, int connections)
    {
        var prefix = requests.Prefix;
        try
        {
            var script = Path.Combine(AppContext.BaseDirectory, "wrk-replay.lua");
            using var process = Process.Start(new ProcessStartInfo("wrk",
                ["-t" + Threads, "-c" + connections, "-d" + seconds + "s", "--latency", "-s", script, root.ToString(), "--", prefix])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("wrk did not start: apt-get install -y wrk");
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var total = Match(TotalLine(), output, "wrk printed no total:\n" + output + errors);
            return new Result(
                long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture),
                NonSuccess().Match(output) is { Success: true } refused ? long.Parse(refused.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                Seconds(total.Groups[2].Value),
                Percentile(output, "50%"),
                Percentile(output, "99%"),
                RanOut: long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture) > requests.Count,
                Details: string.Join("; ", output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Latency ", StringComparison.Ordinal) || l.StartsWith("Socket errors", StringComparison.Ordinal))));
        }
        finally
        {
            requests.Dispose();
        }
    }

    /// <summary>A request as it goes on the wire; the host header and content length are added here.</summary>
    public static byte[] Raw(Uri root, HttpRequestMessage request, byte[] body)
    {
        var head = new StringBuilder();
        head.Append(request.Method.Method).Append(' ').Append(request.RequestUri!.IsAbsoluteUri ? request.RequestUri.PathAndQuery : request.RequestUri.OriginalString).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(root.Authority).Append("\r\n");
        foreach (var (name, values) in request.Headers) head.Append(name).Append(": ").Append(string.Join(", ", values)).Append("\r\n");
        if (request.Content is not null)
            foreach (var (name, values) in request.Content.Headers)
                if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    head.Append(name).Append(": ").Append(string.Join(", ", values)).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(head.ToString()), .. body];
    }

    private static System.Text.RegularExpressions.Match Match(Regex regex, string text, string error) =>
        regex.Match(text) is { Success: true } m ? m : throw new InvalidOperationException(error);

    private static double Percentile(string output, string label)
    {
        var m = Regex.Match(output, @"^\s*" + Regex.Escape(label) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        return m.Success ? Milliseconds(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
    }

    private static double Seconds(string text)
    {
        var m = Regex.Match(text, @"([\d.]+)(us|ms|s|m)");
        return m.Groups[2].Value == "m" ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 60
            : Milliseconds(m.Groups[1].Value, m.Groups[2].Value) / 1000;
    }

    private static double Milliseconds(string value, string unit) =>
        double.Parse(value, CultureInfo.InvariantCulture) * unit switch { "us" => 0.001, "ms" => 1, _ => 1000 };

    [GeneratedRegex(@"(\d+) requests in ([\d.]+\w+),")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();
}
