namespace Qunfa.Web.Domain.Accounts;

/// <summary>5 wrong passwords in a row lock an account for 15 minutes; admins and customers alike.</summary>
public static class LoginLockout
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
    public const string WrongCredentialsMessage = "账号或密码错误";
    public const string LockedMessage = "登录失败次数过多，账号已锁定15分钟，请稍后再试";

    public static bool IsLocked(ILockableAccount account, DateTimeOffset now) => account.LockedUntil > now;

    /// <summary>Counts a wrong password; true when this one locked the account.</summary>
    public static bool RegisterFailure(ILockableAccount account, DateTimeOffset now)
    {
        account.FailedLoginCount++;
        if (account.FailedLoginCount < MaxFailures) return false;
        account.LockedUntil = now + Duration;
        account.FailedLoginCount = 0;
        return true;
    }

    public static void RegisterSuccess(ILockableAccount account, DateTimeOffset now)
    {
        account.FailedLoginCount = 0;
        account.LockedUntil = null;
        account.LastLoginAt = now;
    }
}
