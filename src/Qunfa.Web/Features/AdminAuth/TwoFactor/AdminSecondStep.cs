using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.Web.Features.AdminAuth.TwoFactor;

/// <summary>
/// The step between a right password and the admin session: a short-lived cookie of its own naming the admin and the step
/// (enter the TOTP code, or enrol first when the operator requires two-factor sign-in). It opens no admin page.
/// </summary>
public sealed class AdminSecondStep(QunfaDbContext db, AdminTwoFactorService twoFactor, ServerSessions sessions, IHttpContextAccessor http, TimeProvider time)
{
    public const string VerifyPath = "/admin/twofactor/verify";
    public const string EnrolPath = "/admin/twofactor/enrol";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>The page of the step this admin must pass after the password, or null when the password is enough.</summary>
    public async Task<string?> NeededAsync(AdminUser admin, CancellationToken ct) =>
        admin.HasTwoFactor ? VerifyPath
        : await twoFactor.IsRequiredForAllAsync(ct) ? EnrolPath
        : null;

    public Task BeginAsync(AdminUser admin, string step)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(AdminClaims.AdminId, admin.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(AdminClaims.SecurityStamp, admin.SecurityStamp),
            new Claim(AdminClaims.PendingStep, step),
        ], AdminClaims.PendingScheme);
        return http.HttpContext!.SignInAsync(AdminClaims.PendingScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false, IssuedUtc = time.GetUtcNow() });
    }

    /// <summary>The admin waiting at <paramref name="step"/>; null without a live cookie for it, or once the password changed.</summary>
    public async Task<AdminUser?> PendingAsync(string step, CancellationToken ct)
    {
        var result = await http.HttpContext!.AuthenticateAsync(AdminClaims.PendingScheme);
        var principal = result.Succeeded ? result.Principal : null;
        if (principal?.FindFirst(AdminClaims.PendingStep)?.Value != step) return null;
        if (!int.TryParse(principal.FindFirst(AdminClaims.AdminId)?.Value, CultureInfo.InvariantCulture, out var id)) return null;
        var stamp = principal.FindFirst(AdminClaims.SecurityStamp)?.Value;
        var admin = await db.AdminUsers.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.SecurityStamp == stamp, ct);
        // The step must still fit: a code needs an authenticator, enrolment needs none yet.
        return admin is not null && admin.HasTwoFactor == (step == VerifyPath) ? admin : null;
    }

    /// <summary>Every step passed: the failure count ends and the admin session starts.</summary>
    public async Task CompleteAsync(AdminUser admin, CancellationToken ct)
    {
        await AttemptCounter.SucceedAsync(db.AdminUsers.Where(a => a.Id == admin.Id), time.GetUtcNow(), ct);
        var context = http.HttpContext!;
        await context.SignOutAsync(AdminClaims.PendingScheme);
        await AdminSession.StartAsync(sessions, admin, ct);
    }
}
