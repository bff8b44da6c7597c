using System.Diagnostics;
using MiniExcelLibs;
using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.Bench;

/// <summary>
/// Reading and checking the largest recipient upload allowed (1,000,000 rows, one variable column) from a
/// temporary file: rows/s and the process's working set while parsing (target: a few seconds, well under 200 MB).
/// </summary>
public static class RecipientParsingBench
{
    public enum Format { Csv, Xlsx }

    private const int Rows = RecipientReader.MaxRows;

    public static void Run(Format format)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qunfa-bench-recipients.{format.ToString().ToLowerInvariant()}");
        var generate = Stopwatch.StartNew();
        Generate(path, format);
        Console.WriteLine($"generated {Rows:N0} rows, {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB in {generate.Elapsed.TotalSeconds:F1} s");

        // The first pass pays for JIT and libphonenumber's metadata, as the first upload after a restart would.
        Measure(path, format, "first run");
        Measure(path, format, "second run");
        File.Delete(path);
    }

    private static void Measure(string path, Format format, string run)
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!stop.IsCancellationRequested)
            {
                self.Refresh();
                Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), self.WorkingSet64));
                await Task.Delay(5);
            }
        });

        var watch = Stopwatch.StartNew();
        RecipientList list;
        using (var file = File.OpenRead(path))
        {
            var rows = RecipientReader.ReadFile(file, new RecipientReadOptions(Path.GetFileName(path), ["name"]));
            list = RecipientListBuilder.Build(rows, new RecipientListOptions(TemplateVariables: ["name"]));
        }
        watch.Stop();
        stop.Cancel();
        sampler.Wait();

        Console.WriteLine($"{format} {run}: {Rows:N0} rows in {watch.Elapsed.TotalSeconds:F2} s = {Rows / watch.Elapsed.TotalSeconds:N0} rows/s");
        Console.WriteLine($"  valid {list.ValidCount:N0}, invalid {list.InvalidCount:N0}, duplicate {list.DuplicateCount:N0}, problems [{string.Join("; ", list.Problems)}]");
        Console.WriteLine($"  working set {baseline / 1024 / 1024} MB before, peak {Interlocked.Read(ref peak) / 1024 / 1024} MB while parsing; managed heap with the list held {GC.GetTotalMemory(true) / 1024 / 1024} MB");
        GC.KeepAlive(list);
    }

    // Segments 13x–19x, so some rows are invalid as in real lists, and every 50th number repeats an earlier one.
    private static string Phone(int i)
    {
        var n = i % 50 == 49 ? i - 1 : i;
        return $"1{3 + n % 7}{n:D9}";
    }

    private static void Generate(string path, Format format)
    {
        if (format == Format.Csv)
        {
            using var writer = new StreamWriter(path);
            writer.WriteLine("手机号,name");
            for (var i = 0; i < Rows; i++) writer.WriteLine($"{Phone(i)},用户{i % 5000}");
            return;
        }
        File.Delete(path);
        MiniExcel.SaveAs(path, Enumerable.Range(0, Rows).Select(i => new Dictionary<string, object> { ["手机号"] = Phone(i), ["name"] = $"用户{i % 5000}" }));
    }
}
