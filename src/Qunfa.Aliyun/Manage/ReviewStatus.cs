namespace Qunfa.Aliyun.Manage;

public enum ReviewState
{
    /// <summary>Submitted but not yet complete or picked up (e.g. qualification NOT_FINISH).</summary>
    Pending,
    UnderReview,
    Approved,
    Rejected,
    Cancelled,
    Unknown,
}

/// <summary>Review state of a signature, template, qualification or letter; <see cref="Reason"/> is the rejection text.</summary>
public sealed record ReviewStatus(ReviewState State, string? Reason = null)
{
    public static readonly ReviewStatus UnderReview = new(ReviewState.UnderReview);
}
