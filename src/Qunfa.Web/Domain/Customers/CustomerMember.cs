using Qunfa.Web.Domain.Accounts;

namespace Qunfa.Web.Domain.Customers;

public enum MemberStatus
{
    /// <summary>Invited by phone; becomes active when the invitee enters the code and sets a password.</summary>
    Invited,
    Active,
    /// <summary>停用: cannot log in, its API keys are refused; 启用 makes it active again.</summary>
    Disabled,
    /// <summary>Kept so that its tasks still name it; its phone is free for a new invitation.</summary>
    Removed,
}

/// <summary>子账号: a person of the customer's company who logs in to the console with its own phone and password.</summary>
public sealed class CustomerMember : ILockableAccount
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public string Phone { get; set; } = "";
    public string Name { get; set; } = "";
    public MemberRole Role { get; set; }
    public MemberStatus Status { get; set; }
    public string PasswordHash { get; set; } = "";
    /// <summary>Changes with a new role, 停用, removal or a new password, ending every session issued before.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? JoinedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    public int FailedLoginCount { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
