using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Qunfa.Web.Features.Sending.Console;

/// <summary>
/// How far the reading of a customer's number list has got, for the page that waits on it: the form names a
/// random id, the reading counts rows under it, and the page asks for the count while the request runs.
/// </summary>
public sealed partial class RecipientProgress(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(int Customer, string Id), Counter> _counters = new();

    public sealed class Counter
    {
        private long _rows;

        internal DateTimeOffset Started { get; init; }
        public long Rows => Interlocked.Read(ref _rows);
        public bool Done { get; private set; }
        /// <summary>Reading was broken off (the request aborted, the host stopping or the time budget spent).</summary>
        public bool Stopped { get; private set; }

        public void Add() => Interlocked.Increment(ref _rows);
        public void Finish() => Done = true;
        public void Stop() => Stopped = true;
    }

    /// <summary>A counter for this reading, or null when the form sent no usable id.</summary>
    public Counter? Start(int customerId, string? id)
    {
        if (id is null || !IdPattern().IsMatch(id)) return null;
        var now = time.GetUtcNow();
        foreach (var stale in _counters.Where(c => now - c.Value.Started > Lifetime).Select(c => c.Key).ToList())
            _counters.TryRemove(stale, out _);
        var counter = new Counter { Started = now };
        _counters[(customerId, id)] = counter;
        return counter;
    }

    public Counter? Find(int customerId, string? id) =>
        id is not null && _counters.TryGetValue((customerId, id), out var counter) ? counter : null;

    /// <summary>Counts rows as they are read, without holding them.</summary>
    public static IEnumerable<T> Counted<T>(IEnumerable<T> rows, Counter? counter)
    {
        if (counter is null) return rows;
        return Count(rows, counter);

        static IEnumerable<T> Count(IEnumerable<T> rows, Counter counter)
        {
            foreach (var row in rows)
            {
                counter.Add();
                yield return row;
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{16,32}$")]
    private static partial Regex IdPattern();
}
