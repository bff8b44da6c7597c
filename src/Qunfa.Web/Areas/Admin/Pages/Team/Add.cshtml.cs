using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.AdminTeam;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Team;

/// <summary>添加管理员: login names, name, role and an initial password the new admin must change at the first sign-in.</summary>
public sealed class AddModel(AdminTeamService team, AdminRoleService roles, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty] public AdminInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => ViewData["Roles"] = await roles.ChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await team.AddAsync(Input, ct) : Outcome.Fail("", "输入的值无效");
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "添加成功";
            return Redirect("/admin/team");
        }
        ModelState.AddOutcome(outcome, localizer);
        ViewData["Roles"] = await roles.ChoicesAsync(ct);
        return Page();
    }
}
