using Qunfa.Web.Domain.Admins;

namespace Qunfa.Web.Features.AdminTeam;

/// <summary>添加 / 编辑 管理员. The password fields are read by 添加 only.</summary>
public sealed class AdminInput
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>A <see cref="RoleChoice"/> value: a built-in role's name or "custom-{id}".</summary>
    public string? Role { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }

    public static AdminInput From(AdminUser admin) => new()
    {
        Name = admin.Name,
        Email = admin.Email,
        Phone = admin.Phone,
        Role = RoleChoice.ValueOf(admin.Role, admin.CustomRoleId),
    };
}

/// <summary>重置密码: the new initial password, to be changed at the next sign-in.</summary>
public sealed class PasswordInput
{
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

/// <summary>修改密码: the admin's own, needing the current one.</summary>
public sealed class OwnPasswordInput
{
    public string? CurrentPassword { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

/// <summary>角色管理: a name and the permissions ticked.</summary>
public sealed class RoleInput
{
    public string? Name { get; set; }
    public List<AdminPermission> Permissions { get; set; } = [];
}

/// <summary>The role drop-down's values: "SuperAdmin", "Operations", "Finance", "Support" or "custom-{id}".</summary>
public static class RoleChoice
{
    private const string CustomPrefix = "custom-";

    public static string ValueOf(AdminRoleKind kind, int? customRoleId) =>
        kind == AdminRoleKind.Custom ? CustomPrefix + customRoleId : kind.ToString();

    public static bool TryParse(string? value, out AdminRoleKind kind, out int? customRoleId)
    {
        customRoleId = null;
        kind = AdminRoleKind.Custom;
        if (value is null) return false;
        if (value.StartsWith(CustomPrefix, StringComparison.Ordinal))
        {
            if (!int.TryParse(value.AsSpan(CustomPrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var id)) return false;
            customRoleId = id;
            return true;
        }
        return Enum.TryParse(value, out kind) && kind != AdminRoleKind.Custom && Enum.IsDefined(kind);
    }
}
