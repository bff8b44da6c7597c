using System.Collections.Concurrent;

namespace Qunfa.Emulators.Signing;

/// <summary>Remembers nonces for twice the allowed clock skew; a nonce older than that is rejected by the timestamp check anyway.</summary>
internal sealed class NonceRegistry(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);
    private int _insertsSincePurge;

    public bool TryUse(string accessKeyId, string nonce)
    {
        var now = time.GetUtcNow().UtcTicks;
        if (!_seen.TryAdd(accessKeyId + "\n" + nonce, now))
        {
            return false;
        }
        if (Interlocked.Increment(ref _insertsSincePurge) >= 8192)
        {
            Interlocked.Exchange(ref _insertsSincePurge, 0);
            var cutoff = now - (window * 2).Ticks;
            foreach (var entry in _seen)
            {
                if (entry.Value < cutoff)
                {
                    _seen.TryRemove(entry.Key, out _);
                }
            }
        }
        return true;
    }
}
