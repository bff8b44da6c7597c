namespace Qunfa.Emulators.Sms;

/// <summary>Consecutive reports of one send batch: numbers Start … Start+Count-1.</summary>
internal readonly record struct ReportRange(SmsBatch Batch, int Start, int Count);

/// <summary>One report array for one URL; every attempt POSTs the same ranges, rendered afresh.</summary>
internal sealed class ReportPush(Uri url, List<ReportRange> ranges, int count)
{
    public Uri Url { get; } = url;

    public IReadOnlyList<ReportRange> Ranges { get; } = ranges;

    public int Count { get; } = count;

    public int Attempts { get; set; }
}
