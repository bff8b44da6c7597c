using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.AdminAuth.TwoFactor;

/// <summary>
/// Two-factor sign-in for administrators (TOTP): enrolment confirmed by a code, ten recovery codes shown once and kept
/// hashed, the code asked for after the password, and the operator's rule that every admin must use it. Every code is
/// good once: an accepted TOTP step is recorded and a recovery code is marked used, each by a conditional update.
/// </summary>
public sealed class AdminTwoFactorService(
    QunfaDbContext db,
    SecretProtector secrets,
    PortalProfileService portal,
    AdminLogWriter adminLog,
    TimeProvider time)
{
    public const string WrongCodeMessage = "动态验证码或恢复码不正确";
    public const string WrongEnrolmentCodeMessage = "动态验证码不正确，请确认手机时间准确后重新输入";
    public const string CodeRequiredMessage = "请输入应用显示的6位数字动态验证码";

    public async Task<bool> IsRequiredForAllAsync(CancellationToken ct) =>
        await db.AdminSecuritySettings.AsNoTracking().AnyAsync(s => s.Id == AdminSecuritySettings.SingletonId && s.RequireTwoFactor, ct);

    public async Task SetRequiredForAllAsync(bool required, CancellationToken ct)
    {
        var settings = await db.AdminSecuritySettings.FirstOrDefaultAsync(s => s.Id == AdminSecuritySettings.SingletonId, ct)
            ?? db.AdminSecuritySettings.Add(new AdminSecuritySettings()).Entity;
        settings.RequireTwoFactor = required;
        settings.UpdatedAt = time.GetUtcNow();
        adminLog.Add(AdminAction.RequireTwoFactor, succeeded: true, detail: required ? "要求所有管理员使用两步验证" : "不要求两步验证");
        await db.SaveChangesAsync(ct);
    }

    public Task<int> UnusedRecoveryCodesAsync(int adminId, CancellationToken ct) =>
        db.AdminRecoveryCodes.CountAsync(c => c.AdminUserId == adminId && c.UsedAt == null, ct);

    /// <summary>The secret to scan, kept as pending until confirmed; null when the admin already uses two-factor sign-in.</summary>
    public async Task<TotpEnrolment?> BeginEnrolmentAsync(int adminId, CancellationToken ct)
    {
        var admin = await db.AdminUsers.SingleAsync(a => a.Id == adminId, ct);
        if (admin.HasTwoFactor) return null;
        var secret = secrets.TryUnprotect(admin.ProtectedPendingTotpSecret);
        if (secret is null)
        {
            secret = TotpCodes.NewSecret();
            admin.ProtectedPendingTotpSecret = secrets.Protect(secret);
            await db.SaveChangesAsync(ct);
        }
        var company = (await portal.GetAsync(ct)).CompanyName;
        var issuer = string.IsNullOrWhiteSpace(company) ? "Qunfa" : company.Trim();
        var uri = TotpCodes.KeyUri(issuer, admin.Email, secret);
        return new TotpEnrolment(secret, uri, TotpCodes.QrDataUri(uri));
    }

    /// <summary>A code from the app proves it holds the secret: two-factor sign-in is on and the recovery codes are returned, once.</summary>
    public async Task<(Outcome Outcome, IReadOnlyList<string>? RecoveryCodes)> ConfirmEnrolmentAsync(int adminId, string? code, CancellationToken ct)
    {
        var admin = await db.AdminUsers.SingleAsync(a => a.Id == adminId, ct);
        if (admin.HasTwoFactor) return (Outcome.Fail("", "已启用两步验证"), null);
        var secret = secrets.TryUnprotect(admin.ProtectedPendingTotpSecret);
        if (secret is null) return (Outcome.Fail("", "请重新打开启用两步验证页面"), null);
        if (TotpCodes.Normalize(code) is null) return (Outcome.Fail("", CodeRequiredMessage), null);
        var now = time.GetUtcNow();
        var step = TotpCodes.MatchStep(secret, code, now);
        if (step is null)
        {
            await adminLog.WriteAsync(AdminAction.EnableTwoFactor, succeeded: false, adminId, ct: ct);
            return (Outcome.Fail("", WrongEnrolmentCodeMessage), null);
        }

        admin.ProtectedTotpSecret = admin.ProtectedPendingTotpSecret;
        admin.ProtectedPendingTotpSecret = null;
        admin.TwoFactorEnabledAt = now;
        admin.LastTotpStep = step;
        var codes = await ReplaceRecoveryCodesAsync(adminId, now, ct);
        adminLog.Add(AdminAction.EnableTwoFactor, succeeded: true, adminId);
        await db.SaveChangesAsync(ct);
        return (Outcome.Ok(), codes);
    }

    /// <summary>关闭两步验证, confirmed by a current code so that an unattended session alone cannot turn it off.</summary>
    public async Task<Outcome> DisableAsync(int adminId, string? code, CancellationToken ct)
    {
        var admin = await db.AdminUsers.AsNoTracking().SingleAsync(a => a.Id == adminId, ct);
        if (!admin.HasTwoFactor) return Outcome.Ok();
        if (TotpCodes.Normalize(code) is null) return Outcome.Fail("", CodeRequiredMessage);
        var now = time.GetUtcNow();
        if (!await TryConsumeTotpAsync(admin, code, now, ct))
        {
            await adminLog.WriteAsync(AdminAction.DisableTwoFactor, succeeded: false, adminId, ct: ct);
            return Outcome.Fail("", "动态验证码不正确");
        }
        await db.AdminRecoveryCodes.Where(c => c.AdminUserId == adminId).ExecuteDeleteAsync(ct);
        await db.AdminUsers.Where(a => a.Id == adminId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.ProtectedTotpSecret, (string?)null)
            .SetProperty(a => a.ProtectedPendingTotpSecret, (string?)null)
            .SetProperty(a => a.TwoFactorEnabledAt, (DateTimeOffset?)null)
            .SetProperty(a => a.LastTotpStep, (long?)null), ct);
        await adminLog.WriteAsync(AdminAction.DisableTwoFactor, succeeded: true, adminId, ct: ct);
        return Outcome.Ok();
    }

    /// <summary>
    /// The second step of 登陆: a TOTP code or a recovery code. A wrong or reused one counts toward the lockout like a wrong
    /// password; the count ends when the session starts (<see cref="AdminSecondStep.CompleteAsync"/>).
    /// </summary>
    public async Task<Outcome> VerifySignInAsync(AdminUser admin, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return Outcome.Fail("", "请输入动态验证码或恢复码");
        var adminId = admin.Id;
        var now = time.GetUtcNow();
        // Counted before the code is checked, like a password: simultaneous guesses cannot pass the limit.
        var claim = await AttemptCounter.ClaimAsync(db.AdminUsers.Where(a => a.Id == adminId), now, ct);
        if (claim == AttemptClaim.Locked)
        {
            await adminLog.WriteAsync(AdminAction.TwoFactorLogin, succeeded: false, adminId, "locked", ct);
            return Outcome.Fail("", LoginLockout.LockedMessage);
        }

        if (TotpCodes.Normalize(code) is not null)
        {
            if (await TryConsumeTotpAsync(admin, code, now, ct))
            {
                await adminLog.WriteAsync(AdminAction.TwoFactorLogin, succeeded: true, adminId, ct: ct);
                return Outcome.Ok();
            }
        }
        else if (RecoveryCodes.Normalize(code) is { } recovery && await TryUseRecoveryCodeAsync(adminId, recovery, now, ct))
        {
            var left = await UnusedRecoveryCodesAsync(adminId, ct);
            await adminLog.WriteAsync(AdminAction.RecoveryCodeLogin, succeeded: true, adminId,
                string.Create(CultureInfo.InvariantCulture, $"剩余{left}个恢复码"), ct);
            return Outcome.Ok();
        }

        var locked = claim == AttemptClaim.AllowedAndLocks;
        await adminLog.WriteAsync(AdminAction.TwoFactorLogin, succeeded: false, adminId, locked ? "locked" : null, ct);
        return Outcome.Fail("", locked ? LoginLockout.LockedMessage : WrongCodeMessage);
    }

    /// <summary>Accepts a code only for a step later than the last one accepted, in one conditional update (no replay, no race).</summary>
    private async Task<bool> TryConsumeTotpAsync(AdminUser admin, string? code, DateTimeOffset now, CancellationToken ct)
    {
        var secret = secrets.TryUnprotect(admin.ProtectedTotpSecret);
        if (secret is null) return false;
        if (TotpCodes.MatchStep(secret, code, now) is not { } step) return false;
        var taken = await db.AdminUsers
            .Where(a => a.Id == admin.Id && a.ProtectedTotpSecret != null && (a.LastTotpStep == null || a.LastTotpStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastTotpStep, step), ct);
        return taken == 1;
    }

    private async Task<bool> TryUseRecoveryCodeAsync(int adminId, string normalized, DateTimeOffset now, CancellationToken ct)
    {
        var unused = await db.AdminRecoveryCodes.AsNoTracking().Where(c => c.AdminUserId == adminId && c.UsedAt == null).ToListAsync(ct);
        var match = unused.FirstOrDefault(c => RecoveryCodes.Matches(c.CodeHash, normalized));
        if (match is null) return false;
        return await db.AdminRecoveryCodes.Where(c => c.Id == match.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct) == 1;
    }

    private async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(int adminId, DateTimeOffset now, CancellationToken ct)
    {
        db.AdminRecoveryCodes.RemoveRange(await db.AdminRecoveryCodes.Where(c => c.AdminUserId == adminId).ToListAsync(ct));
        var codes = RecoveryCodes.New();
        foreach (var code in codes)
            db.AdminRecoveryCodes.Add(new AdminRecoveryCode { AdminUserId = adminId, CodeHash = RecoveryCodes.Hash(code), CreatedAt = now });
        return codes;
    }
}
