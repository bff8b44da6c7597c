namespace Qunfa.Web.Features.Customers;

/// <summary>Section `Qunfa:Customers`.</summary>
public sealed class CustomerOptions
{
    public const string Section = "Qunfa:Customers";

    /// <summary>签名数量上限 a new customer starts with; the admin changes it per customer.</summary>
    public int DefaultSignatureLimit { get; set; } = 5;
    /// <summary>模板数量上限 a new customer starts with.</summary>
    public int DefaultTemplateLimit { get; set; } = 20;
    public int SessionMinutes { get; set; } = 240;
    /// <summary>Per client IP and minute, on every endpoint that sends a code.</summary>
    public int CodeRequestsPerMinutePerIp { get; set; } = 10;
    /// <summary>Per client IP and minute, on every login and code-checking endpoint.</summary>
    public int LoginAttemptsPerMinutePerIp { get; set; } = 30;
}
