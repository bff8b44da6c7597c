namespace Qunfa.Web.Features.Statistics;

/// <summary>A change to one rollup row's counts.</summary>
public readonly record struct RollupDelta(
    long Numbers = 0, long Delivered = 0, long Failed = 0, long Unknown = 0, long Cancelled = 0, long Segments = 0, long RefundedSegments = 0)
{
    public static RollupDelta operator +(RollupDelta a, RollupDelta b) => new(
        a.Numbers + b.Numbers, a.Delivered + b.Delivered, a.Failed + b.Failed, a.Unknown + b.Unknown,
        a.Cancelled + b.Cancelled, a.Segments + b.Segments, a.RefundedSegments + b.RefundedSegments);

    public bool IsZero => this == default;
}
