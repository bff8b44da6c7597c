namespace Qunfa.Web.Domain.Accounts;

/// <summary>An account that logs in with a password and is locked after repeated failures.</summary>
public interface ILockableAccount
{
    int FailedLoginCount { get; set; }
    DateTimeOffset? LockedUntil { get; set; }
    DateTimeOffset? LastLoginAt { get; set; }
}
