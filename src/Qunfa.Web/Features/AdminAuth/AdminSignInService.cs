using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminAuth.TwoFactor;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.AdminAuth;

/// <summary>
/// 登陆 and 安全退出 for the admin: email or phone + password, locked for 15 minutes after 5 failures; then, for an admin
/// with two-factor sign-in (or when the operator requires it), the second step before the session starts. The session
/// lives on the server (<see cref="ServerSessions"/>), so 安全退出 ends it everywhere.
/// </summary>
public sealed class AdminSignInService(
    QunfaDbContext db,
    IPasswordHasher<AdminUser> hasher,
    AdminLogWriter adminLog,
    AdminSecondStep secondStep,
    ServerSessions sessions,
    TimeProvider time)
{
    public const string DisabledMessage = "该管理员账号已停用，请联系超级管理员";

    /// <summary>The outcome, and when the password was right and a second step follows, the page to go to (no session yet).</summary>
    public async Task<(Outcome Outcome, string? SecondStep)> SignInAsync(string? account, string? password, CancellationToken ct)
    {
        var o = new Outcome()
            .Require("Account", account, "请输入邮箱或手机号")
            .Require("Password", password, "请输入登录密码");
        if (!o.Succeeded) return (o, null);

        var login = account!.Trim().ToLowerInvariant();
        var admin = await db.AdminUsers.FirstOrDefaultAsync(a => a.Email == login || a.Phone == login, ct);
        var now = time.GetUtcNow();
        if (admin is null)
        {
            // Hash anyway so an unknown account takes as long as a wrong password.
            hasher.HashPassword(new AdminUser(), password!);
            await adminLog.WriteAsync(AdminAction.Login, succeeded: false, detail: login, ct: ct);
            return (Outcome.Fail("", LoginLockout.WrongCredentialsMessage), null);
        }
        // The try is counted before the password is checked, so simultaneous tries cannot pass the limit.
        var row = db.AdminUsers.Where(a => a.Id == admin.Id);
        var claim = await AttemptCounter.ClaimAsync(row, now, ct);
        if (claim == AttemptClaim.Locked)
        {
            await adminLog.WriteAsync(AdminAction.Login, succeeded: false, admin.Id, "locked", ct);
            return (Outcome.Fail("", LoginLockout.LockedMessage), null);
        }

        var verdict = hasher.VerifyHashedPassword(admin, admin.PasswordHash, password!);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locked = claim == AttemptClaim.AllowedAndLocks;
            await adminLog.WriteAsync(AdminAction.Login, succeeded: false, admin.Id, locked ? "locked" : null, ct);
            return (Outcome.Fail("", locked ? LoginLockout.LockedMessage : LoginLockout.WrongCredentialsMessage), null);
        }

        if (admin.IsDisabled)
        {
            await AttemptCounter.RefundAsync(row, ct);
            await adminLog.WriteAsync(AdminAction.Login, succeeded: false, admin.Id, "disabled", ct);
            return (Outcome.Fail("", DisabledMessage), null);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            admin.PasswordHash = hasher.HashPassword(admin, password!);
        if (await secondStep.NeededAsync(admin, ct) is { } step)
        {
            // The count stays until the second step passes too, so the password alone cannot reset it between guesses.
            await AttemptCounter.RefundAsync(row, ct);
            await db.SaveChangesAsync(ct);
            await secondStep.BeginAsync(admin, step);
            return (o, step);
        }
        await AttemptCounter.SucceedAsync(row, now, ct);
        adminLog.Add(AdminAction.Login, succeeded: true, admin.Id);
        await db.SaveChangesAsync(ct);
        await AdminSession.StartAsync(sessions, admin, ct);
        return (o, null);
    }

    public async Task SignOutAsync(CancellationToken ct)
    {
        await adminLog.WriteAsync(AdminAction.Logout, succeeded: true, ct: ct);
        await sessions.SignOutAsync(AdminClaims.Scheme, ct);
    }
}
