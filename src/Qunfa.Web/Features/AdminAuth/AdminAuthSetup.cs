using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;

namespace Qunfa.Web.Features.AdminAuth;

public static class AdminAuthSetup
{
    public static IServiceCollection AddAdminAuthentication(this IServiceCollection services, TimeSpan sessionLength)
    {
        services.AddAuthentication(AdminClaims.Scheme)
            .AddCookie(AdminClaims.Scheme, o =>
            {
                o.Cookie.Name = "qunfa.admin";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/";
                o.LoginPath = "/admin/login";
                o.LogoutPath = "/admin/logout";
                o.AccessDeniedPath = "/admin/login";
                o.ExpireTimeSpan = sessionLength;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateStampAsync;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminClaims.Policy, p => p.AddAuthenticationSchemes(AdminClaims.Scheme).RequireClaim(AdminClaims.AdminId));
        return services;
    }

    // A password change (new stamp) or a removed account ends every session issued before it.
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirst(AdminClaims.AdminId)?.Value;
        var stamp = context.Principal?.FindFirst(AdminClaims.SecurityStamp)?.Value;
        var db = context.HttpContext.RequestServices.GetRequiredService<QunfaDbContext>();
        var valid = int.TryParse(id, out var adminId)
                    && await db.AdminUsers.AnyAsync(a => a.Id == adminId && a.SecurityStamp == stamp);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AdminClaims.Scheme);
        }
    }
}
