using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.AdminTeam;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Roles;

/// <summary>添加角色 (no id) and 编辑角色: a name and a checkbox per permission.</summary>
public sealed class EditModel(AdminRoleService roles, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty] public RoleInput Input { get; set; } = new();
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is null) return Page();
        var role = await roles.FindAsync(id.Value, ct);
        if (role is null) return NotFound();
        Input = new RoleInput { Name = role.Name, Permissions = [.. Qunfa.Web.Domain.Admins.AdminPermissions.Parse(role.Permissions)] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var outcome = ModelState.IsValid ? await roles.SaveAsync(id, Input, ct) : Outcome.Fail("", "输入的值无效");
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "保存成功";
            return Redirect("/admin/roles");
        }
        ModelState.AddOutcome(outcome, localizer);
        return Page();
    }
}
