namespace Qunfa.Web.Features.Webhooks;

/// <summary>Section `Qunfa:Webhooks`: how customers' callbacks are sent and retried.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Qunfa:Webhooks";

    /// <summary>Lets callback URLs use plain http and private or loopback addresses (tests, intranet installations).</summary>
    public bool AllowInsecureUrls { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How often the outbox looks for new events and due retries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Events younger than this wait for the next pass, so rows committed slightly late are not skipped by the cursor.</summary>
    public TimeSpan SafetyLag { get; set; } = TimeSpan.FromSeconds(5);
    public int MaxEventsPerDelivery { get; set; } = 500;
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>A delivery still refused this long after it was written is marked failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);
}
