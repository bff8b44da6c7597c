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
}
