using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Accounts;

namespace Qunfa.Web.Infrastructure.Security;

/// <summary>
/// Cookie sessions that end on the server: each sign-in stores a session row whose id the cookie carries, and
/// every request asks the database whether that row still exists and the account's security stamp is unchanged.
/// Logout deletes the row; a password change, a new phone or a freeze changes the stamp. No cache, so the answer
/// is the same on every node the moment the change commits.
/// </summary>
public sealed class ServerSessions(QunfaDbContext db, IHttpContextAccessor http, TimeProvider time, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    public const string SessionClaim = "qunfa:sid";

    /// <summary>Stores a new session and signs the browser in with a cookie naming it.</summary>
    public async Task SignInAsync(string scheme, SessionKind kind, int accountId, IEnumerable<Claim> claims, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Rows whose cookies have all expired go whenever someone signs in; no job needed.
        var stale = now - cookies.Get(scheme).ExpireTimeSpan;
        await db.AuthSessions.Where(s => s.Kind == kind && s.RenewedAt < stale).ExecuteDeleteAsync(ct);

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.AuthSessions.Add(new AuthSession { Id = id, Kind = kind, AccountId = accountId, CreatedAt = now, RenewedAt = now });
        await db.SaveChangesAsync(ct);

        var identity = new ClaimsIdentity(claims.Append(new Claim(SessionClaim, id)), scheme);
        await http.HttpContext!.SignInAsync(scheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false, IssuedUtc = now });
    }

    /// <summary>Ends this browser's session of <paramref name="scheme"/> on the server, then drops its cookie.</summary>
    public async Task SignOutAsync(string scheme, CancellationToken ct)
    {
        var context = http.HttpContext!;
        var current = await context.AuthenticateAsync(scheme);
        if (current.Principal?.FindFirst(SessionClaim)?.Value is { } id)
            await db.AuthSessions.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
        await context.SignOutAsync(scheme);
    }

    /// <summary>
    /// The cookie check, one query: the session row of <paramref name="kind"/> exists for the account, and
    /// <paramref name="accountWithStamp"/> (the account with the cookie's stamp) finds it.
    /// </summary>
    public static Func<CookieValidatePrincipalContext, Task> Validator<TAccount>(
        string scheme, SessionKind kind, string idClaim, string stampClaim, Func<QunfaDbContext, int, string?, IQueryable<TAccount>> accountWithStamp) =>
        async context =>
        {
            var sessionId = context.Principal?.FindFirst(SessionClaim)?.Value;
            var id = context.Principal?.FindFirst(idClaim)?.Value;
            var stamp = context.Principal?.FindFirst(stampClaim)?.Value;
            var services = context.HttpContext.RequestServices;
            var db = services.GetRequiredService<QunfaDbContext>();
            if (sessionId is null || !int.TryParse(id, out var accountId)
                || !await db.AuthSessions.AnyAsync(s => s.Id == sessionId && s.Kind == kind && s.AccountId == accountId
                    && accountWithStamp(db, accountId, stamp).Any()))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(scheme);
                return;
            }
            // The handler renews a sliding cookie past half its life; the row follows so that pruning spares it.
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (context.Properties.IssuedUtc is { } issued && context.Properties.ExpiresUtc is { } expires && now - issued > (expires - issued) / 2)
                await db.AuthSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.RenewedAt, now));
        };
}
