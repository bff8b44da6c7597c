namespace Qunfa.Web.Domain.Admins;

/// <summary>One of the ten codes that sign an admin in once when the authenticator is lost; kept only as a salted hash.</summary>
public sealed class AdminRecoveryCode
{
    public long Id { get; set; }
    public int AdminUserId { get; set; }
    public string CodeHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
