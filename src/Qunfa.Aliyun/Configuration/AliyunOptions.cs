namespace Qunfa.Aliyun.Configuration;

/// <summary>Settings bound from the configuration section <c>Qunfa:Aliyun</c>.</summary>
public sealed class AliyunOptions
{
    public const string SectionName = "Qunfa:Aliyun";

    public string? AccessKeyId { get; set; }

    public string? AccessKeySecret { get; set; }

    public Uri SmsEndpoint { get; set; } = new("https://dysmsapi.aliyuncs.com/");

    public Uri DybaseEndpoint { get; set; } = new("https://dybaseapi.aliyuncs.com/");

    /// <summary>Account endpoint, e.g. https://{accountId}.mns.cn-hangzhou.aliyuncs.com/. When unset, the endpoint carried by the queue token is used.</summary>
    public Uri? MnsEndpoint { get; set; }

    public AliyunSignatureVersion SignatureVersion { get; set; } = AliyunSignatureVersion.V3;

    public string RegionId { get; set; } = "cn-hangzhou";

    public TimeSpan SendAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan SendTotalTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan QueryAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan QueryTotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of read-only and management calls after transient failures (never of sends).</summary>
    public int QueryRetryCount { get; set; } = 2;

    public TimeSpan QueryRetryDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Must exceed the longest MNS long-poll wait (30 s).</summary>
    public TimeSpan MnsAttemptTimeout { get; set; } = TimeSpan.FromSeconds(45);

    public TimeSpan MnsTotalTimeout { get; set; } = TimeSpan.FromSeconds(100);

    public TimeSpan OssUploadTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
