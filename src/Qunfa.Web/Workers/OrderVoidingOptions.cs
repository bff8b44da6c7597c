namespace Qunfa.Web.Workers;

/// <summary>Section `Qunfa:Workers:OrderVoiding`.</summary>
public sealed class OrderVoidingOptions
{
    public const string Section = "Qunfa:Workers:OrderVoiding";

    /// <summary>An unpaid order older than this is asked about at Alipay and voided unless it was paid.</summary>
    public TimeSpan VoidAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the worker looks for such orders.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When Alipay could not answer, the order is asked about again after this long.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    public int BatchSize { get; set; } = 50;

    /// <summary>The cashier closes the trade this long before the order is voided, so no payment arrives after it.</summary>
    public TimeSpan PayMargin { get; set; } = TimeSpan.FromMinutes(10);
}
