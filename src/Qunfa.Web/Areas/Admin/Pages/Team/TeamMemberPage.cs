using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminTeam;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Team;

/// <summary>A confirmation page about one administrator (停用/启用, 重置密码, 删除): shows it, runs the change, and on refusal shows why.</summary>
public abstract class TeamMemberPage(AdminTeamService team, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AdminUser Member { get; private set; } = null!;
    protected AdminTeamService Team => team;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var admin = await team.FindAsync(id, ct);
        if (admin is null) return NotFound();
        Member = admin;
        return Page();
    }

    protected async Task<IActionResult> RunAsync(int id, Func<Task<Outcome>> change, string saved, CancellationToken ct)
    {
        var admin = await team.FindAsync(id, ct);
        if (admin is null) return NotFound();
        var outcome = ModelState.IsValid ? await change() : Outcome.Fail("", "输入的值无效");
        if (outcome.Succeeded)
        {
            TempData["Saved"] = saved;
            return Redirect("/admin/team");
        }
        ModelState.AddOutcome(outcome, localizer);
        Member = admin;
        return Page();
    }
}
