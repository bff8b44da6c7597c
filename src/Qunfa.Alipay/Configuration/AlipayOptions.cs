namespace Qunfa.Alipay.Configuration;

/// <summary>Settings bound from <c>Qunfa:Alipay</c>. Merchant credentials may instead come from an <see cref="IAlipaySettingsProvider"/>.</summary>
public sealed class AlipayOptions
{
    public const string SectionName = "Qunfa:Alipay";

    public AlipayMd5Settings Md5 { get; set; } = new();

    public AlipayRsa2Settings Rsa2 { get; set; } = new();

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of notify_verify and queries after transient failures (these calls are idempotent).</summary>
    public int RetryCount { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(300);
}
