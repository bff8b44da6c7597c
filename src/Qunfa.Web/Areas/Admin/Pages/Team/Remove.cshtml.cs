using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.AdminTeam;

namespace Qunfa.Web.Areas.Admin.Pages.Team;

/// <summary>删除管理员: the account and its sessions go; its entries in 管理员日志 stay.</summary>
public sealed class RemoveModel(AdminTeamService team, IStringLocalizer<SharedResource> localizer) : TeamMemberPage(team, localizer)
{
    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => Team.RemoveAsync(id, ct), "删除成功", ct);
}
