using Qunfa.Web.Domain.Accounts;

namespace Qunfa.Web.Domain.Admins;

public sealed class AdminUser : ILockableAccount
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public int FailedLoginCount { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    /// <summary>Changes whenever the password does, so cookies issued before stop working.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    /// <summary>The authenticator's TOTP secret (Base32), protected like every secret; set once enrolment is confirmed.</summary>
    public string? ProtectedTotpSecret { get; set; }
    /// <summary>The secret on the enrolment page, kept until a code from it confirms it (a reload shows the same QR code).</summary>
    public string? ProtectedPendingTotpSecret { get; set; }
    public DateTimeOffset? TwoFactorEnabledAt { get; set; }
    /// <summary>The last TOTP time step accepted: each code works once, so a code seen over a shoulder cannot be replayed.</summary>
    public long? LastTotpStep { get; set; }

    public bool HasTwoFactor => ProtectedTotpSecret is not null;
}
