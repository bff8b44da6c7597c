using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.AdminAuth;

/// <summary>登陆 and 安全退出 for the admin: email or phone + password, locked for 15 minutes after 5 failures.</summary>
public sealed class AdminSignInService(
    QunfaDbContext db,
    IPasswordHasher<AdminUser> hasher,
    AdminLogWriter adminLog,
    IHttpContextAccessor http,
    TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const string WrongCredentialsMessage = "账号或密码错误";
    public const string LockedMessage = "登录失败次数过多，账号已锁定15分钟，请稍后再试";

    public async Task<Outcome> SignInAsync(string? account, string? password, CancellationToken ct)
    {
        var o = new Outcome()
            .Require("Account", account, "请输入邮箱或手机号")
            .Require("Password", password, "请输入登录密码");
        if (!o.Succeeded) return o;

        var login = account!.Trim().ToLowerInvariant();
        var admin = await db.AdminUsers.FirstOrDefaultAsync(a => a.Email == login || a.Phone == login, ct);
        var now = time.GetUtcNow();
        if (admin is null)
        {
            // Hash anyway so an unknown account takes as long as a wrong password.
            hasher.HashPassword(new AdminUser(), password!);
            await adminLog.WriteAsync(AdminAction.Login, succeeded: false, detail: login, ct: ct);
            return Outcome.Fail("", WrongCredentialsMessage);
        }
        if (admin.LockedUntil > now)
        {
            await adminLog.WriteAsync(AdminAction.Login, succeeded: false, admin.Id, "locked", ct);
            return Outcome.Fail("", LockedMessage);
        }

        var verdict = hasher.VerifyHashedPassword(admin, admin.PasswordHash, password!);
        if (verdict == PasswordVerificationResult.Failed)
        {
            admin.FailedLoginCount++;
            var locked = admin.FailedLoginCount >= MaxFailures;
            if (locked)
            {
                admin.LockedUntil = now + LockoutDuration;
                admin.FailedLoginCount = 0;
            }
            adminLog.Add(AdminAction.Login, succeeded: false, admin.Id, locked ? "locked" : null);
            await db.SaveChangesAsync(ct);
            return Outcome.Fail("", locked ? LockedMessage : WrongCredentialsMessage);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            admin.PasswordHash = hasher.HashPassword(admin, password!);
        admin.FailedLoginCount = 0;
        admin.LockedUntil = null;
        admin.LastLoginAt = now;
        adminLog.Add(AdminAction.Login, succeeded: true, admin.Id);
        await db.SaveChangesAsync(ct);

        var identity = new ClaimsIdentity(
        [
            new Claim(AdminClaims.AdminId, admin.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(AdminClaims.SecurityStamp, admin.SecurityStamp),
            new Claim(ClaimTypes.Name, admin.Email),
        ], AdminClaims.Scheme);
        await http.HttpContext!.SignInAsync(AdminClaims.Scheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false, IssuedUtc = now });
        return o;
    }

    public async Task SignOutAsync(CancellationToken ct)
    {
        await adminLog.WriteAsync(AdminAction.Logout, succeeded: true, ct: ct);
        await http.HttpContext!.SignOutAsync(AdminClaims.Scheme);
    }
}
