using Qunfa.Web.Domain.Admins;

namespace Qunfa.Web.Features.AdminTeam;

/// <summary>
/// Endpoint metadata on every admin page (<see cref="AdminPageMap"/>): the permission it needs, or none for the pages
/// every signed-in admin has (安全设置, 修改密码, 安全退出).
/// </summary>
public sealed record AdminPageAccess(AdminPermission? Permission, bool OpenDuringPasswordChange = false, bool Mapped = true)
{
    public static readonly AdminPageAccess AnyAdmin = new((AdminPermission?)null);

    /// <summary>A page the map does not name: only the 超级管理员 may open it until someone maps it (a test finds it).</summary>
    public static readonly AdminPageAccess Unmapped = new(AdminPermission.ManageAdmins, Mapped: false);
}
