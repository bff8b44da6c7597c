using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminTeam;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Roles;

/// <summary>删除角色, refused while an admin holds it.</summary>
public sealed class DeleteModel(AdminRoleService roles, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AdminRole Role { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var role = await roles.FindAsync(id, ct);
        if (role is null) return NotFound();
        Role = role;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var role = await roles.FindAsync(id, ct);
        if (role is null) return NotFound();
        var outcome = await roles.DeleteAsync(id, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "删除成功";
            return Redirect("/admin/roles");
        }
        ModelState.AddOutcome(outcome, localizer);
        Role = role;
        return Page();
    }
}
