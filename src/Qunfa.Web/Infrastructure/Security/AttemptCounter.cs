using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Accounts;

namespace Qunfa.Web.Infrastructure.Security;

/// <summary>What claiming a try answered: refused outright, or allowed and whether it was the one that locked.</summary>
public enum AttemptClaim
{
    Locked,
    Allowed,
    AllowedAndLocks,
}

/// <summary>
/// Counts a try before the secret is checked, in one conditional UPDATE, so that simultaneous tries cannot pass
/// the limit: a read-then-save let 40 parallel wrong passwords get 17 answers (issue 15). A try that finds the
/// lock on is refused without checking the secret at all. A success resets the count.
/// </summary>
public static class AttemptCounter
{
    public static async Task<AttemptClaim> ClaimAsync<T>(IQueryable<T> target, DateTimeOffset now, CancellationToken ct)
        where T : class, ILockable
    {
        var until = now + LoginLockout.Duration;
        // A lock that has run out counts as none: the count starts again at 1.
        var claimed = await target
            .Where(a => a.LockedUntil == null || a.LockedUntil <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.FailedLoginCount, a => a.LockedUntil == null ? a.FailedLoginCount + 1 : 1)
                .SetProperty(a => a.LockedUntil, a => a.LockedUntil == null && a.FailedLoginCount + 1 >= LoginLockout.MaxFailures ? (DateTimeOffset?)until : null), ct);
        if (claimed == 0) return AttemptClaim.Locked;
        var lockedUntil = await target.Select(a => a.LockedUntil).FirstOrDefaultAsync(ct);
        return lockedUntil > now ? AttemptClaim.AllowedAndLocks : AttemptClaim.Allowed;
    }

    public static Task ResetAsync<T>(IQueryable<T> target, CancellationToken ct) where T : class, ILockable =>
        target.ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedLoginCount, 0).SetProperty(a => a.LockedUntil, (DateTimeOffset?)null), ct);

    /// <summary>The sign-in succeeded: the count ends and the login time is recorded, in one UPDATE.</summary>
    public static Task SucceedAsync<T>(IQueryable<T> target, DateTimeOffset now, CancellationToken ct) where T : class, ILockableAccount =>
        target.ExecuteUpdateAsync(s => s
            .SetProperty(a => a.FailedLoginCount, 0)
            .SetProperty(a => a.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(a => a.LastLoginAt, now), ct);

    /// <summary>
    /// Gives back a try that turned out right but is not the end of the sign-in (a second step follows): the count neither
    /// grows nor resets. A lock already on stays on.
    /// </summary>
    public static Task RefundAsync<T>(IQueryable<T> target, CancellationToken ct) where T : class, ILockable =>
        target.Where(a => a.LockedUntil == null && a.FailedLoginCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedLoginCount, a => a.FailedLoginCount - 1), ct);
}
