namespace Qunfa.Web.Features.Uploads;

/// <summary>Section `Qunfa:Uploads`.</summary>
public sealed class UploadOptions
{
    public const string Section = "Qunfa:Uploads";

    /// <summary>
    /// How long reading one uploaded recipient list may take before it is refused. The largest legitimate file
    /// (1M rows) takes a few seconds (docs/benchmarks.md); this only stops what no real list needs.
    /// </summary>
    public TimeSpan ParseTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
