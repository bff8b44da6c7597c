using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Qunfa.Web.Features.AdminTeam;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.Web.Features.AdminAuth;

/// <summary>Two cookie schemes side by side: the admin's and the customers', each with its own login page and policy.</summary>
public static class AuthenticationSetup
{
    public static IServiceCollection AddQunfaAuthentication(this IServiceCollection services, TimeSpan adminSession, TimeSpan customerSession)
    {
        services.AddAuthentication(AdminClaims.Scheme)
            .AddCookie(AdminClaims.Scheme, o =>
            {
                Common(o, "qunfa.admin", "/admin/login", adminSession);
                o.LogoutPath = "/admin/logout";
                o.Events.OnValidatePrincipal = ServerSessions.Validator(AdminClaims.Scheme, SessionKind.Admin, AdminClaims.AdminId, AdminClaims.SecurityStamp,
                    (db, id, stamp) => db.AdminUsers.Where(a => a.Id == id && a.SecurityStamp == stamp && !a.IsDisabled));
                o.Events.OnRedirectToAccessDenied = ForbiddenHere;
            })
            .AddCookie(AdminClaims.PendingScheme, o =>
            {
                Common(o, "qunfa.admin.pending", "/admin/login", TwoFactor.AdminSecondStep.Lifetime);
                o.SlidingExpiration = false;
            })
            .AddCookie(CustomerClaims.Scheme, o =>
            {
                Common(o, "qunfa.customer", "/account/login", customerSession);
                o.Events.OnValidatePrincipal = Members.MemberSessions.Validator(ServerSessions.Validator(CustomerClaims.Scheme, SessionKind.Customer, CustomerClaims.CustomerId, CustomerClaims.SecurityStamp,
                    (db, id, stamp) => db.Customers.Where(c => c.Id == id && c.SecurityStamp == stamp)));
                o.Events.OnRedirectToAccessDenied = ForbiddenHere;
            });
        services.AddScoped<ServerSessions>();
        services.AddScoped<CurrentAdmin>();
        services.AddScoped<IAuthorizationHandler, AdminPageAuthorization>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AdminAuthorizationResults>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminClaims.Policy, p => p.AddAuthenticationSchemes(AdminClaims.Scheme).RequireClaim(AdminClaims.AdminId)
                .AddRequirements(new AdminPageRequirement()))
            .AddPolicy(CustomerClaims.Policy, p => p.AddAuthenticationSchemes(CustomerClaims.Scheme).RequireClaim(CustomerClaims.CustomerId));
        return services;
    }

    /// <summary>A signed-in admin or member whose role does not open a page gets the 403 page where it is, not the login form.</summary>
    private static Task ForbiddenHere(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static void Common(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions o, string cookie, string loginPath, TimeSpan session)
    {
        o.Cookie.Name = cookie;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.LoginPath = loginPath;
        o.AccessDeniedPath = loginPath;
        o.ExpireTimeSpan = session;
        o.SlidingExpiration = true;
    }
}
