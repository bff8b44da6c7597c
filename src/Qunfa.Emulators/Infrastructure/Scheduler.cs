using System.Collections.Concurrent;

namespace Qunfa.Emulators.Infrastructure;

/// <summary>Runs callbacks after a delay on the configured TimeProvider so a fake clock drives them.</summary>
internal sealed class Scheduler(TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<long, ITimer> _timers = new();
    private long _next;
    private volatile bool _disposed;

    public void Schedule(TimeSpan delay, Action action)
    {
        if (_disposed)
        {
            return;
        }
        if (delay <= TimeSpan.Zero)
        {
            action();
            return;
        }
        var id = Interlocked.Increment(ref _next);
        // Timers are kept in the dictionary because an unreferenced timer may be collected before firing.
        var timer = time.CreateTimer(_ =>
        {
            if (_timers.TryRemove(id, out var t))
            {
                t.Dispose();
            }
            if (!_disposed)
            {
                action();
            }
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timers[id] = timer;
        timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var timer in _timers.Values)
        {
            timer.Dispose();
        }
        _timers.Clear();
    }
}
