using System.Collections.Concurrent;

namespace Qunfa.Emulators.Sms;

internal sealed class SmsBatchStore(int maxRetainedNumbers)
{
    private readonly ConcurrentQueue<SmsBatch> _ordered = new();
    private readonly ConcurrentDictionary<string, SmsBatch> _byBizId = new(StringComparer.Ordinal);
    private long _retained;

    public void Add(SmsBatch batch)
    {
        _byBizId[batch.BizId] = batch;
        _ordered.Enqueue(batch);
        if (Interlocked.Add(ref _retained, batch.Count) > maxRetainedNumbers)
        {
            while (Interlocked.Read(ref _retained) > maxRetainedNumbers && _ordered.TryDequeue(out var old))
            {
                _byBizId.TryRemove(old.BizId, out _);
                Interlocked.Add(ref _retained, -old.Count);
            }
        }
    }

    public SmsBatch? ByBizId(string bizId) => _byBizId.GetValueOrDefault(bizId);

    public IEnumerable<SmsBatch> All => _ordered;

    public IEnumerable<(SmsBatch Batch, int Index)> To(string number)
    {
        foreach (var batch in _ordered)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch.Numbers.Matches(i, number))
                {
                    yield return (batch, i);
                }
            }
        }
    }
}
