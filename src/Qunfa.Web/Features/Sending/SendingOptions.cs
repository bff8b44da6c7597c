namespace Qunfa.Web.Features.Sending;

/// <summary>Section `Qunfa:Sending`.</summary>
public sealed class SendingOptions
{
    public const string Section = "Qunfa:Sending";

    /// <summary>How long the dispatcher rests when there is nothing due.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public int MaxAttempts { get; set; } = 5;
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>A claim not settled by then (crash, ambiguous answer) is looked up at the carrier before any resend.</summary>
    public TimeSpan RecoveryDelay { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>The operator's "refund failed messages" (default on).</summary>
    public bool RefundFailed { get; set; } = true;
    /// <summary>A receipt that matches nothing yet is retried until it has been read this often.</summary>
    public int MaxReceiptReads { get; set; } = 20;
}
