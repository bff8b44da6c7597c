using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.AdminTeam;

namespace Qunfa.Web.Areas.Admin.Pages.Team;

/// <summary>停用 / 启用 an administrator; a disabled one is signed out everywhere at once.</summary>
public sealed class StatusModel(AdminTeamService team, IStringLocalizer<SharedResource> localizer) : TeamMemberPage(team, localizer)
{
    public Task<IActionResult> OnPostDisableAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => Team.SetDisabledAsync(id, true, ct), "已停用", ct);

    public Task<IActionResult> OnPostEnableAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => Team.SetDisabledAsync(id, false, ct), "已启用", ct);
}
