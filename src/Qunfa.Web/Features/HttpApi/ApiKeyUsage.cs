using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;

namespace Qunfa.Web.Features.HttpApi;

/// <summary>Records 最近使用 at most once a minute per key and node, so busy keys do not write on every request.</summary>
public sealed class ApiKeyUsage(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<int, DateTimeOffset> _recorded = new();

    public async Task RecordAsync(QunfaDbContext db, int keyId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!Claim(keyId, now)) return;
        await db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
    }

    private bool Claim(int keyId, DateTimeOffset now)
    {
        while (true)
        {
            if (!_recorded.TryGetValue(keyId, out var last)) return _recorded.TryAdd(keyId, now);
            if (now - last < Interval) return false;
            if (_recorded.TryUpdate(keyId, now, last)) return true;
        }
    }
}
