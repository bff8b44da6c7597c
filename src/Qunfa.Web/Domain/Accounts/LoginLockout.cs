namespace Qunfa.Web.Domain.Accounts;

/// <summary>5 wrong passwords in a row lock an account for 15 minutes; admins, customers and the setup code alike.</summary>
public static class LoginLockout
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
    public const string WrongCredentialsMessage = "账号或密码错误";
    public const string LockedMessage = "登录失败次数过多，账号已锁定15分钟，请稍后再试";
}
