namespace Qunfa.Web.Workers;

/// <summary>Section `Qunfa:QualificationReview`: how often the review worker looks for due qualifications and letters.</summary>
public sealed class QualificationReviewOptions
{
    public const string Section = "Qunfa:QualificationReview";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>At most this many qualifications and as many letters per round.</summary>
    public int BatchSize { get; set; } = 50;
}
