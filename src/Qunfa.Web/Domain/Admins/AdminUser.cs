using Qunfa.Web.Domain.Accounts;

namespace Qunfa.Web.Domain.Admins;

public sealed class AdminUser : ILockableAccount
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    /// <summary>The person's name, shown in 管理员管理 and as 操作人 in 管理员日志.</summary>
    public string Name { get; set; } = "";
    /// <summary>The wizard's admin and every admin from before roles existed is a 超级管理员.</summary>
    public AdminRoleKind Role { get; set; } = AdminRoleKind.SuperAdmin;
    /// <summary>The role of 角色管理 when <see cref="Role"/> is <see cref="AdminRoleKind.Custom"/>.</summary>
    public int? CustomRoleId { get; set; }
    public AdminRole? CustomRole { get; set; }
    /// <summary>停用: no sign-in and no session until 启用.</summary>
    public bool IsDisabled { get; set; }
    /// <summary>Set by 添加 and 重置密码: the initial password opens only the change-password page.</summary>
    public bool MustChangePassword { get; set; }
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
