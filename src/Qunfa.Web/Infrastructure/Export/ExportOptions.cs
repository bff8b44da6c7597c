namespace Qunfa.Web.Infrastructure.Export;

/// <summary>Section `Qunfa:Exports`.</summary>
public sealed class ExportOptions
{
    public const string Section = "Qunfa:Exports";

    /// <summary>An export of more rows than this is written in the background while the page shows its progress.</summary>
    public int BackgroundThreshold { get; set; } = 50_000;

    /// <summary>A finished file not fetched by then is deleted.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(1);
}
