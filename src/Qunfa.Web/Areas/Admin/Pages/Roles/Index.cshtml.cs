using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.AdminTeam;

namespace Qunfa.Web.Areas.Admin.Pages.Roles;

/// <summary>角色管理: the built-in roles with their fixed permissions, and the custom roles.</summary>
public sealed class IndexModel(AdminRoleService roles) : PageModel
{
    public IReadOnlyList<AdminRoleService.Row> Custom { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Custom = await roles.ListAsync(ct);
}
