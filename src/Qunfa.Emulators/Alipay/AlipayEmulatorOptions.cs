namespace Qunfa.Emulators.Alipay;

public sealed class AlipayEmulatorOptions
{
    /// <summary>Alipay's documented notification retry intervals after the first attempt (about 25 h in total).</summary>
    public static readonly IReadOnlyList<TimeSpan> DocumentedRetrySchedule =
    [
        TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1),
        TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(15),
    ];

    /// <summary>Known merchants; the demo merchant of <see cref="AlipayEmulatorDefaults"/> when left empty.</summary>
    public List<AlipayEmulatorMerchant> Merchants { get; set; } = [];

    /// <summary>Signs RSA2 notifications, returns and responses; give the platform <see cref="AlipayPublicKey"/>.</summary>
    public string AlipayPrivateKey { get; set; } = AlipayEmulatorDefaults.AlipayPrivateKeyPem;

    public string AlipayPublicKey { get; set; } = AlipayEmulatorDefaults.AlipayPublicKeyPem;

    public List<TimeSpan> RetrySchedule { get; set; } = [.. DocumentedRetrySchedule];

    /// <summary>Multiplies every retry interval: 0.001 turns 4 minutes into 240 ms.</summary>
    public double TimeScale { get; set; } = 1.0;

    /// <summary>How long notify_verify accepts a notification's notify_id (retries reuse it for 25 h); it also dies once acknowledged.</summary>
    public TimeSpan NotifyIdLifetime { get; set; } = TimeSpan.FromHours(26);

    /// <summary>The browser return's notify_id verifies repeatedly, but only for about a minute.</summary>
    public TimeSpan ReturnNotifyIdLifetime { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan NotificationHttpTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public string BuyerId { get; set; } = AlipayEmulatorDefaults.BuyerId;

    public string BuyerEmail { get; set; } = AlipayEmulatorDefaults.BuyerEmail;

    /// <summary>Clock for timestamps, expiry and retry delays; defaults to the container's TimeProvider or the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    internal IReadOnlyList<AlipayEmulatorMerchant> EffectiveMerchants => Merchants.Count > 0 ? Merchants : [new AlipayEmulatorMerchant()];
}
