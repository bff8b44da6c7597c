using Qunfa.Web.Domain.Accounts;

namespace Qunfa.Web.Domain.Customers;

/// <summary>An enterprise sub-account (企业用户) that buys and sends SMS through the platform.</summary>
public sealed class Customer : ILockableAccount
{
    public int Id { get; set; }
    public string CompanyName { get; set; } = "";
    public string Email { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string Phone { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    /// <summary>Changes with the password or phone, ending every session issued before.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    public int FailedLoginCount { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    /// <summary>A frozen customer (冻结账号) can log in but cannot send.</summary>
    public bool IsFrozen { get; set; }
    public DateTimeOffset? FrozenAt { get; set; }
    public int SignatureLimit { get; set; }
    public int TemplateLimit { get; set; }
    /// <summary>
    /// Raised by database triggers whenever anything a send is checked against changes (freeze, the customer's
    /// signatures, templates or API keys), so a node's cached copy of them is known stale at the next request.
    /// </summary>
    public long SendingVersion { get; set; }
}
