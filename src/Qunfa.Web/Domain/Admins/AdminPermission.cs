namespace Qunfa.Web.Domain.Admins;

/// <summary>
/// What a role may open, one unit per chapter of the manual: the single list the page map, the menu, the built-in roles
/// and 角色管理's checkboxes are all built from. Stored by name, so the order may change.
/// </summary>
public enum AdminPermission
{
    Home,
    BaseSettings,
    CarrierAccount,
    PaymentSettings,
    Customers,
    Signatures,
    Templates,
    Packages,
    Orders,
    Finance,
    SendRecords,
    Statistics,
    AdminLog,
    SandboxMessages,
    /// <summary>管理员管理 and 角色管理; only the 超级管理员 holds it, a custom role cannot.</summary>
    ManageAdmins,
}

public static class AdminPermissions
{
    public static readonly IReadOnlyList<AdminPermission> All = Enum.GetValues<AdminPermission>();

    /// <summary>What 角色管理 offers: everything but 管理员管理 itself.</summary>
    public static readonly IReadOnlyList<AdminPermission> Grantable = [.. All.Where(p => p != AdminPermission.ManageAdmins)];

    public static string Label(AdminPermission permission) => permission switch
    {
        AdminPermission.Home => "首页",
        AdminPermission.BaseSettings => "配置信息",
        AdminPermission.CarrierAccount => "AK 管理",
        AdminPermission.PaymentSettings => "支付配置",
        AdminPermission.Customers => "用户管理",
        AdminPermission.Signatures => "签名管理",
        AdminPermission.Templates => "模板管理",
        AdminPermission.Packages => "短信包管理",
        AdminPermission.Orders => "订单管理",
        AdminPermission.Finance => "财务管理",
        AdminPermission.SendRecords => "发送记录",
        AdminPermission.Statistics => "业务统计",
        AdminPermission.AdminLog => "管理员日志",
        AdminPermission.SandboxMessages => "沙箱短信",
        AdminPermission.ManageAdmins => "管理员管理",
        _ => permission.ToString(),
    };

    /// <summary>The stored form of a custom role's set: names, comma-separated.</summary>
    public static string Format(IEnumerable<AdminPermission> permissions) =>
        string.Join(',', permissions.Distinct().Order().Select(p => p.ToString()));

    /// <summary>Names no longer known are dropped rather than failing the role.</summary>
    public static HashSet<AdminPermission> Parse(string? stored) =>
        [.. (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => Enum.TryParse<AdminPermission>(n, out var p) ? p : (AdminPermission?)null)
            .OfType<AdminPermission>()];
}
