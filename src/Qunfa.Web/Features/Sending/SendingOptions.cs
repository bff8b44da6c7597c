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
    /// <summary>
    /// Readers of the SmsReport queue on this node. A read brings at most 16 messages, and the reads that arrive
    /// together are applied in one batch, so more readers make larger batches (1M receipts, docs/benchmarks.md:
    /// 16 readers 23k/s, 64 readers 30k/s). An idle reader is one long poll.
    /// </summary>
    public int ReceiptReaders { get; set; } = 64;
    /// <summary>Carrier calls in flight at once on this node; each carries up to 1000 numbers.</summary>
    public int Concurrency { get; set; } = 16;
    /// <summary>Send calls a second to the carrier from this node (Alibaba allows 5000 for SendSms); 0 = no limit.</summary>
    public int CarrierQps { get; set; } = 1000;
    /// <summary>A submitted number without a receipt by then is looked up with QuerySendDetails.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Still no outcome this long after submission: 未知 (SPEC; Alibaba keeps receipts for 72 hours).</summary>
    public TimeSpan UnknownAfter { get; set; } = TimeSpan.FromHours(72);
}
