namespace Qunfa.Web.Infrastructure.Settings;

/// <summary>Section `Qunfa`: where the platform keeps its files and which time zone people see.</summary>
public sealed class QunfaOptions
{
    public const string Section = "Qunfa";

    /// <summary>Relative paths are resolved against the content root.</summary>
    public string DataDirectory { get; set; } = "data";
    public string TimeZone { get; set; } = "Asia/Shanghai";
    /// <summary>Addresses of reverse proxies whose X-Forwarded-For is believed.</summary>
    public List<string> KnownProxies { get; set; } = [];
    public int AdminSessionMinutes { get; set; } = 120;
    /// <summary>Admin login and 安装码 submissions per client IP and minute, whichever account they try.</summary>
    public int AdminLoginAttemptsPerMinutePerIp { get; set; } = 20;
    /// <summary>Where previewed recipient lists wait for 确认发送; on several web nodes a directory they all mount. Empty: uploads under the data directory.</summary>
    public string UploadsDirectory { get; set; } = "";
    /// <summary>`Qunfa:Workers:Enabled`: whether this node runs the background workers (dispatch, receipts, periodic jobs).</summary>
    public NodeRole Workers { get; set; } = new();
    /// <summary>`Qunfa:Web:Enabled`: false makes a worker-only node that serves health and metrics and nothing else.</summary>
    public NodeRole Web { get; set; } = new();
    public MetricsOptions Metrics { get; set; } = new();
}

public sealed class NodeRole
{
    public bool Enabled { get; set; } = true;
}

/// <summary>`Qunfa:Metrics`: /metrics answers loopback callers that came through no proxy, or anyone bearing this token.</summary>
public sealed class MetricsOptions
{
    public string Token { get; set; } = "";
}
