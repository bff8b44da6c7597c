using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.AdminAuth;
using Qunfa.Web.Features.AdminTeam;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages;

/// <summary>
/// 修改密码: any admin's own. An admin with an initial password (添加, 重置密码) is sent here before every other page.
/// The change ends the admin's other sessions; this browser gets a new one.
/// </summary>
public sealed class PasswordModel(AdminTeamService team, CurrentAdmin current, ServerSessions sessions, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty] public OwnPasswordInput Input { get; set; } = new();
    public bool Required { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Required = (await current.GetAsync(ct))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = AdminClaims.IdOf(User);
        var outcome = ModelState.IsValid ? await team.ChangeOwnPasswordAsync(id, Input, ct) : Outcome.Fail("", "输入的值无效");
        if (outcome.Succeeded && await team.FindAsync(id, ct) is { } admin)
        {
            await sessions.SignOutAsync(AdminClaims.Scheme, ct);
            await AdminSession.StartAsync(sessions, admin, ct);
            TempData["Saved"] = "密码修改成功";
            return Redirect("/admin");
        }
        ModelState.AddOutcome(outcome, localizer);
        Required = (await current.GetAsync(ct))?.MustChangePassword == true;
        return Page();
    }
}
