using System.Diagnostics;

namespace Qunfa.Aliyun.Tests.Emulator;

public sealed class ThroughputTests(ITestOutputHelper output)
{
    /// <summary>Run with `-- --filter-method "*SustainsTwoHundred*" --explicit only`; the client signing in-process shares the CPU.</summary>
    [Fact(Explicit = true)]
    public async Task SustainsTwoHundredThousandNumberSendsPerSecond()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.ReportDelay = TimeSpan.FromMilliseconds(100));
        var numbers = string.Join(",", Enumerable.Range(0, 1000).Select(i => $"1390000{i:D4}"));
        var duration = TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();
        var calls = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (watch.Elapsed < duration)
            {
                var r = await ctx.SendSmsAsync(numbers);
                Assert.Equal("OK", r.Code);
                Interlocked.Increment(ref calls);
            }
        }));
        var rate = calls / watch.Elapsed.TotalSeconds;
        output.WriteLine($"{calls} calls in {watch.Elapsed.TotalSeconds:F1}s = {rate:F0} calls/s; reported {ctx.State.Counters.ReportedMessages}; memory {GC.GetTotalMemory(false) / 1024 / 1024} MB");
        Assert.True(rate >= 200, $"{rate:F0} calls/s");
    }
}
