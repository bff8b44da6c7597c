namespace Qunfa.Web.Domain.Accounts;

/// <summary>Something a secret is tried against (a password, the setup code), locked after repeated failures.</summary>
public interface ILockable
{
    /// <summary>Tries counted since the last success or the last lock's end; it stays at the limit while locked.</summary>
    int FailedLoginCount { get; set; }
    DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>An account that logs in with a password and is locked after repeated failures.</summary>
public interface ILockableAccount : ILockable
{
    DateTimeOffset? LastLoginAt { get; set; }
}
