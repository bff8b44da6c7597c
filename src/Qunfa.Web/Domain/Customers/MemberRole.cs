namespace Qunfa.Web.Domain.Customers;

/// <summary>What a 子账号 may do in the console; the owner (主账号) may do everything.</summary>
public enum MemberRole
{
    /// <summary>管理员: everything the owner may, 子账号 included.</summary>
    Admin,
    /// <summary>发送: 发送短信, task and send records, 上行回复.</summary>
    Sender,
    /// <summary>开发: 接口密钥, 回调设置.</summary>
    Developer,
    /// <summary>财务: orders, 短信包 and their purchase, balances.</summary>
    Finance,
}

/// <summary>A part of the console that a role opens; every console page belongs to exactly one (ConsolePermissionMap).</summary>
public enum ConsolePermission
{
    /// <summary>首页, 账号设置, 安全退出: every member.</summary>
    Everyone,
    Send,
    Develop,
    Finance,
    /// <summary>资质, 签名, 模板, 子账号: the owner and 管理员 only.</summary>
    Manage,
}

public static class MemberRoles
{
    public static readonly IReadOnlyList<MemberRole> All = [MemberRole.Admin, MemberRole.Sender, MemberRole.Developer, MemberRole.Finance];

    public static bool Allows(this MemberRole role, ConsolePermission permission) => permission switch
    {
        ConsolePermission.Everyone => true,
        _ when role == MemberRole.Admin => true,
        ConsolePermission.Send => role == MemberRole.Sender,
        ConsolePermission.Develop => role == MemberRole.Developer,
        ConsolePermission.Finance => role == MemberRole.Finance,
        _ => false,
    };

    public static string DisplayName(this MemberRole role) => role switch
    {
        MemberRole.Admin => "管理员",
        MemberRole.Sender => "发送",
        MemberRole.Developer => "开发",
        _ => "财务",
    };

    public static string DisplayName(this MemberStatus status) => status switch
    {
        MemberStatus.Invited => "待接受",
        MemberStatus.Active => "正常",
        MemberStatus.Disabled => "已停用",
        _ => "已移除",
    };
}
