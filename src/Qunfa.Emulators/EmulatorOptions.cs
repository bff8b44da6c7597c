namespace Qunfa.Emulators;

public sealed class EmulatorOptions
{
    public List<EmulatorAccount> Accounts { get; set; } = [new EmulatorAccount()];

    /// <summary>
    /// Extra listeners that serve one product at their root, as Alibaba's own hosts do (the official SDKs
    /// always call "/"), e.g. http://127.0.0.1:5091; port 0 in tests picks a free port.
    /// </summary>
    public Uri? DysmsapiUrl { get; set; }

    public Uri? DybaseapiUrl { get; set; }

    public Uri? MnsUrl { get; set; }

    /// <summary>Approved at startup so a standalone emulator is usable without driving the review APIs.</summary>
    public List<SeededSign> SeedSigns { get; set; } = [];

    public List<SeededTemplate> SeedTemplates { get; set; } = [];

    public TimeSpan ReviewDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan ReportDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Signature/template/qualification/letter names or contents containing this are rejected at review.</summary>
    public string RejectMarker { get; set; } = "REJECT";

    public List<DeliveryFailureRule> DeliveryFailureRules { get; set; } =
    [
        new() { NumberSuffix = "0001", ErrCode = "MOBILE_NOT_ON_SERVICE", ErrMessage = "停机或空号" },
        new() { NumberSuffix = "0002", ErrCode = "MOBILE_IN_BLACK", ErrMessage = "手机号在黑名单" },
        new() { NumberSuffix = "0003", ErrCode = "MOBILE_TERMINAL_ERROR", ErrMessage = "手机终端问题" },
    ];

    public bool VerificationFlowControl { get; set; } = true;

    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan StsTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    public TimeSpan MnsVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>False answers every ReceiveMessage at once whatever its waitseconds, like a proxy that does not hold long polls.</summary>
    public bool MnsLongPoll { get; set; } = true;

    /// <summary>Per queue; the oldest unreceived messages are dropped beyond this, like MNS retention expiring them.</summary>
    public int MnsMaxQueuedMessages { get; set; } = 5_000_000;

    /// <summary>
    /// When set, SmsReports are POSTed here as JSON arrays (Alibaba's HTTP batch push) instead of being
    /// enqueued in MNS; null keeps the MNS queue.
    /// </summary>
    public Uri? ReportPushUrl { get; set; }

    /// <summary>Reports per POST at most; reports of several send batches may share one.</summary>
    public int ReportPushBatchSize { get; set; } = 1000;

    /// <summary>POSTs in flight at once.</summary>
    public int ReportPushConcurrency { get; set; } = 4;

    /// <summary>An unacknowledged POST is sent again after each of these, then given up.</summary>
    public List<TimeSpan> ReportPushRetryDelays { get; set; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)];

    /// <summary>A POST not answered within this counts as failed (wall clock, not the configured TimeProvider).</summary>
    public TimeSpan ReportPushTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan OssPolicyLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Oldest send batches are forgotten beyond this many numbers so long benchmarks stay bounded.</summary>
    public int MaxRetainedMessages { get; set; } = 5_000_000;

    /// <summary>Added before every answer, on the configured TimeProvider so fake-clock tests decide when it has passed.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public double ServerErrorRate { get; set; }

    public double DropAfterAcceptRate { get; set; }

    public double DuplicateReportRate { get; set; }

    /// <summary>RPC actions that 5xx and dropped-connection faults apply to, e.g. ["SendSms"]; empty means every action.</summary>
    public List<string> FaultActions { get; set; } = [];

    /// <summary>Also apply Latency and ServerErrorRate to MNS requests (off by default so report consumers stay quiet).</summary>
    public bool MnsFaults { get; set; }

    public int? Seed { get; set; }

    /// <summary>Not bindable from configuration; tests set a fake clock here.</summary>
    public TimeProvider? TimeProvider { get; set; }
}

public sealed class EmulatorAccount
{
    public string AccessKeyId { get; set; } = "emulator-ak";

    public string AccessKeySecret { get; set; } = "emulator-secret";

    public string AccountUid { get; set; } = "1234567890";

    public bool Active { get; set; } = true;
}

public sealed class DeliveryFailureRule
{
    public string NumberSuffix { get; set; } = "";

    public string ErrCode { get; set; } = "";

    public string ErrMessage { get; set; } = "";
}

public sealed class SeededSign
{
    public string SignName { get; set; } = "";

    /// <summary>0 verification code only, 1 general.</summary>
    public int SignType { get; set; } = 1;

    /// <summary>Null means the first account.</summary>
    public string? AccessKeyId { get; set; }
}

public sealed class SeededTemplate
{
    public string TemplateCode { get; set; } = "";

    public string Content { get; set; } = "";

    /// <summary>0 verification, 1 notification, 2 promotion, 3 international.</summary>
    public int TemplateType { get; set; } = 1;

    public string? AccessKeyId { get; set; }
}
