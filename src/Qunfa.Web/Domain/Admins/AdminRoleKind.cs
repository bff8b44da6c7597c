namespace Qunfa.Web.Domain.Admins;

/// <summary>An admin's role: one of the built-in four, or a custom role of 角色管理 (<see cref="AdminUser.CustomRoleId"/>).</summary>
public enum AdminRoleKind
{
    SuperAdmin,
    Operations,
    Finance,
    Support,
    Custom,
}

/// <summary>The built-in roles' names and fixed sets (README, 管理员管理); a custom role's set lives in its row.</summary>
public static class BuiltInRoles
{
    public static readonly IReadOnlyList<AdminRoleKind> All = [AdminRoleKind.SuperAdmin, AdminRoleKind.Operations, AdminRoleKind.Finance, AdminRoleKind.Support];

    public static string Label(AdminRoleKind kind) => kind switch
    {
        AdminRoleKind.SuperAdmin => "超级管理员",
        AdminRoleKind.Operations => "运营",
        AdminRoleKind.Finance => "财务",
        AdminRoleKind.Support => "客服",
        _ => "自定义角色",
    };

    public static IReadOnlySet<AdminPermission> PermissionsOf(AdminRoleKind kind) => kind switch
    {
        AdminRoleKind.SuperAdmin => Everything,
        AdminRoleKind.Operations => Operations,
        AdminRoleKind.Finance => FinanceSet,
        AdminRoleKind.Support => Support,
        _ => Nothing,
    };

    private static readonly HashSet<AdminPermission> Everything = [.. AdminPermissions.All];
    private static readonly HashSet<AdminPermission> Nothing = [];

    private static readonly HashSet<AdminPermission> Operations =
    [
        AdminPermission.Home, AdminPermission.BaseSettings, AdminPermission.Customers, AdminPermission.Signatures,
        AdminPermission.Templates, AdminPermission.Packages, AdminPermission.SendRecords, AdminPermission.Statistics,
        AdminPermission.SandboxMessages,
    ];

    private static readonly HashSet<AdminPermission> FinanceSet = [AdminPermission.Home, AdminPermission.Orders, AdminPermission.Finance];

    private static readonly HashSet<AdminPermission> Support =
    [
        AdminPermission.Home, AdminPermission.Customers, AdminPermission.Signatures, AdminPermission.Templates,
        AdminPermission.SendRecords, AdminPermission.Statistics,
    ];
}
