using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.AdminTeam;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Team;

/// <summary>编辑管理员: name, login names and role; a new role ends the admin's sessions.</summary>
public sealed class EditModel(AdminTeamService team, AdminRoleService roles, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty] public AdminInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var admin = await team.FindAsync(id, ct);
        if (admin is null) return NotFound();
        Input = AdminInput.From(admin);
        ViewData["Roles"] = await roles.ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await team.FindAsync(id, ct) is null) return NotFound();
        var outcome = ModelState.IsValid ? await team.EditAsync(id, Input, ct) : Outcome.Fail("", "输入的值无效");
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "保存成功";
            return Redirect("/admin/team");
        }
        ModelState.AddOutcome(outcome, localizer);
        ViewData["Roles"] = await roles.ChoicesAsync(ct);
        return Page();
    }
}
