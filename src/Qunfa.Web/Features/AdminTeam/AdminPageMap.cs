using Qunfa.Web.Domain.Admins;

namespace Qunfa.Web.Features.AdminTeam;

/// <summary>
/// Which permission each admin page needs, by its path in the Admin area (the longest matching prefix wins); a page
/// convention puts the answer on the page's endpoint, and <see cref="AdminPageAuthorization"/> reads it on every request.
/// Login and the second-step pages are reached before a session exists and stay open (WebRegistration).
/// </summary>
public static class AdminPageMap
{
    private static readonly (string Prefix, AdminPageAccess Access)[] Pages =
    [
        ("/Index", new(AdminPermission.Home)),
        ("/Settings/Profile", new(AdminPermission.BaseSettings)),
        ("/Settings/Carrier", new(AdminPermission.CarrierAccount)),
        ("/Settings/Payment", new(AdminPermission.PaymentSettings)),
        ("/Customers/", new(AdminPermission.Customers)),
        ("/Signatures/", new(AdminPermission.Signatures)),
        ("/Templates/", new(AdminPermission.Templates)),
        ("/Packages/", new(AdminPermission.Packages)),
        ("/Orders/", new(AdminPermission.Orders)),
        ("/Finance/", new(AdminPermission.Finance)),
        ("/Sends/", new(AdminPermission.SendRecords)),
        ("/Replies/", new(AdminPermission.SendRecords)),
        ("/Sandbox/", new(AdminPermission.SandboxMessages)),
        ("/Statistics/", new(AdminPermission.Statistics)),
        ("/Log/", new(AdminPermission.AdminLog)),
        ("/Team/", new(AdminPermission.ManageAdmins)),
        ("/Roles/", new(AdminPermission.ManageAdmins)),
        ("/Security/Requirement", new(AdminPermission.ManageAdmins)),
        ("/Security/", AdminPageAccess.AnyAdmin),
        ("/Password", AdminPageAccess.AnyAdmin with { OpenDuringPasswordChange = true }),
        ("/Logout", AdminPageAccess.AnyAdmin with { OpenDuringPasswordChange = true }),
        ("/Login", AdminPageAccess.AnyAdmin with { OpenDuringPasswordChange = true }),
        ("/TwoFactor/", AdminPageAccess.AnyAdmin with { OpenDuringPasswordChange = true }),
    ];

    /// <summary>Where an admin lands: the first menu page the role may open, in menu order.</summary>
    private static readonly (AdminPermission Permission, string Path)[] Landings =
    [
        (AdminPermission.Home, "/admin"),
        (AdminPermission.BaseSettings, "/admin/settings/profile"),
        (AdminPermission.CarrierAccount, "/admin/settings/carrier"),
        (AdminPermission.PaymentSettings, "/admin/settings/payment"),
        (AdminPermission.Customers, "/admin/customers"),
        (AdminPermission.Signatures, "/admin/signatures"),
        (AdminPermission.Templates, "/admin/templates"),
        (AdminPermission.Packages, "/admin/packages"),
        (AdminPermission.Orders, "/admin/orders"),
        (AdminPermission.Finance, "/admin/finance"),
        (AdminPermission.SendRecords, "/admin/sends/tasks"),
        (AdminPermission.SandboxMessages, "/admin/sandbox"),
        (AdminPermission.Statistics, "/admin/statistics/volume"),
        (AdminPermission.AdminLog, "/admin/log"),
    ];

    /// <summary>The access of the page at <paramref name="viewEnginePath"/> (e.g. "/Customers/Edit").</summary>
    public static AdminPageAccess For(string viewEnginePath) =>
        Pages.Where(p => viewEnginePath.StartsWith(p.Prefix, StringComparison.Ordinal))
            .OrderByDescending(p => p.Prefix.Length).Select(p => p.Access).FirstOrDefault() ?? AdminPageAccess.Unmapped;

    public static string LandingFor(AdminAccess access) =>
        Landings.Where(l => access.Can(l.Permission)).Select(l => l.Path).FirstOrDefault() ?? "/admin/security";
}
