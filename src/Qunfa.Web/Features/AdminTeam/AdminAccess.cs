using Qunfa.Web.Domain.Admins;

namespace Qunfa.Web.Features.AdminTeam;

/// <summary>What the signed-in admin may do now, as the database says on this request.</summary>
public sealed record AdminAccess(int AdminId, AdminRoleKind Role, IReadOnlySet<AdminPermission> Permissions, bool MustChangePassword)
{
    public bool IsSuperAdmin => Role == AdminRoleKind.SuperAdmin;

    public bool Can(AdminPermission permission) => Permissions.Contains(permission);
}
