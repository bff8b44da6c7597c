using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.AdminTeam;

namespace Qunfa.Web.Areas.Admin.Pages.Team;

/// <summary>重置密码: a new initial password, which the admin must change at the next sign-in; its sessions end.</summary>
public sealed class ResetModel(AdminTeamService team, IStringLocalizer<SharedResource> localizer) : TeamMemberPage(team, localizer)
{
    [BindProperty] public PasswordInput Input { get; set; } = new();

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => Team.ResetPasswordAsync(id, Input, ct), "密码已重置", ct);
}
