namespace Qunfa.Web.Workers;

/// <summary>Section `Qunfa:Workers:ReviewSync`.</summary>
public sealed class ReviewSyncOptions
{
    public const string Section = "Qunfa:Workers:ReviewSync";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 50;
}
