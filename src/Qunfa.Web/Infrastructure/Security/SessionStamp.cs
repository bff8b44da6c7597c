using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Qunfa.Web.Data;

namespace Qunfa.Web.Infrastructure.Security;

/// <summary>
/// Ends a cookie session once the account's security stamp has changed (password or phone changed,
/// account removed): each request asks whether the account with that id still has that stamp.
/// </summary>
public static class SessionStamp
{
    public static Func<CookieValidatePrincipalContext, Task> Validator(
        string scheme, string idClaim, string stampClaim, Func<QunfaDbContext, int, string?, Task<bool>> stillValid) =>
        async context =>
        {
            var id = context.Principal?.FindFirst(idClaim)?.Value;
            var stamp = context.Principal?.FindFirst(stampClaim)?.Value;
            var db = context.HttpContext.RequestServices.GetRequiredService<QunfaDbContext>();
            if (!int.TryParse(id, out var accountId) || !await stillValid(db, accountId, stamp))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(scheme);
            }
        };
}
