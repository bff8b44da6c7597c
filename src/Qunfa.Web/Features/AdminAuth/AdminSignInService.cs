using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Accounts;
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
            return Outcome.Fail("", LoginLockout.WrongCredentialsMessage);
        }
        if (LoginLockout.IsLocked(admin, now))
        {
            await adminLog.WriteAsync(AdminAction.Login, succeeded: false, admin.Id, "locked", ct);
            return Outcome.Fail("", LoginLockout.LockedMessage);
        }

        var verdict = hasher.VerifyHashedPassword(admin, admin.PasswordHash, password!);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locked = LoginLockout.RegisterFailure(admin, now);
            adminLog.Add(AdminAction.Login, succeeded: false, admin.Id, locked ? "locked" : null);
            await db.SaveChangesAsync(ct);
            return Outcome.Fail("", locked ? LoginLockout.LockedMessage : LoginLockout.WrongCredentialsMessage);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            admin.PasswordHash = hasher.HashPassword(admin, password!);
        LoginLockout.RegisterSuccess(admin, now);
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
