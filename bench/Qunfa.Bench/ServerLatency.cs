using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Qunfa.Bench;

/// <summary>
/// Each request's duration as the host measured it (ASP.NET Core's http.server.request.duration), kept whole while
/// alive, so that the percentiles of the server's own view can be put beside the client's; and the collections of each
/// generation the runtime ran meanwhile, with the time it paused; the group commit's transactions, and the time the JIT took.
/// </summary>
public sealed class ServerLatency : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<double> _seconds = new(1_000_000);
    private readonly Lock _gate = new();
    private readonly int[] _collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly TimeSpan _pausedBefore = GC.GetTotalPauseDuration();
    private readonly TimeSpan _jitBefore = System.Runtime.JitInfo.GetCompilationTime();
    private readonly long _jittedBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
    private long _batches, _batchesAgain;

    /// <param name="host">The measured host's services: the emulator's host in the same process is left out.</param>
    public ServerLatency(IServiceProvider host)
    {
        var meters = host.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Meter.Scope == meters && instrument.Name == "http.server.request.duration")
                listener.EnableMeasurementEvents(instrument);
            if (instrument.Meter.Scope == meters && instrument.Name == Qunfa.Web.Data.GroupCommit.BatchesInstrument)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "pass" && tag.Value as string == "savepoints") Interlocked.Add(ref _batchesAgain, value);
            Interlocked.Add(ref _batches, value);
        });
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (_gate) _seconds.Add(value);
        });
        _listener.Start();
    }

    public string Summary()
    {
        double[] all;
        lock (_gate) all = [.. _seconds];
        if (all.Length == 0) return "no requests seen";
        Array.Sort(all);
        double Ms(double q) => all[Math.Min(all.Length - 1, (int)(q * all.Length))] * 1000;
        return $"{all.Length:N0} requests, p50 {Ms(0.50):F1} ms, p99 {Ms(0.99):F1} ms, p99.9 {Ms(0.999):F1} ms, max {all[^1] * 1000:F1} ms";
    }

    public string Collections() =>
        $"gen0 {GC.CollectionCount(0) - _collectionsBefore[0]}, gen1 {GC.CollectionCount(1) - _collectionsBefore[1]}, gen2 {GC.CollectionCount(2) - _collectionsBefore[2]}, "
        + $"paused {(GC.GetTotalPauseDuration() - _pausedBefore).TotalMilliseconds:N0} ms in all ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} collector)";

    /// <param name="sends">The sends accepted meanwhile.</param>
    public string Batches(long sends) =>
        $"{_batches:N0} group-commit transactions ({(_batches == 0 ? 0 : (double)sends / _batches):F1} sends each on average, {_batchesAgain:N0} run again with savepoints)";

    public string Jit() =>
        $"{System.Runtime.JitInfo.GetCompiledMethodCount() - _jittedBefore:N0} methods compiled, {(System.Runtime.JitInfo.GetCompilationTime() - _jitBefore).TotalMilliseconds:N0} ms";

    public void Dispose() => _listener.Dispose();
}
