using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.Web.Features.AdminAuth;

/// <summary>The admin session cookie, issued once every step of 登陆 has passed.</summary>
public static class AdminSession
{
    public static Task StartAsync(ServerSessions sessions, AdminUser admin, CancellationToken ct) =>
        sessions.SignInAsync(AdminClaims.Scheme, SessionKind.Admin, admin.Id,
        [
            new Claim(AdminClaims.AdminId, admin.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(AdminClaims.SecurityStamp, admin.SecurityStamp),
            new Claim(ClaimTypes.Name, admin.Email),
        ], ct);

    /// <summary>Where to go after 登陆: the admin page asked for, never a page elsewhere.</summary>
    public static string ReturnPath(IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/admin";
}
