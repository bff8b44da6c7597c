namespace Qunfa.Web.Domain.Admins;

/// <summary>The operator's rules for every administrator's sign-in (one row).</summary>
public sealed class AdminSecuritySettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    /// <summary>Every admin signs in with a TOTP code; one without an authenticator enrols right after the password.</summary>
    public bool RequireTwoFactor { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
