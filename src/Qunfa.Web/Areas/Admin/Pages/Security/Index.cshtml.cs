using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminAuth;
using Qunfa.Web.Features.AdminTeam;
using Qunfa.Web.Features.AdminAuth.TwoFactor;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Security;

/// <summary>安全设置: this admin's two-factor sign-in (启用 / 关闭) and the operator's rule that every admin must use it.</summary>
public sealed class IndexModel(QunfaDbContext db, AdminTwoFactorService twoFactor, CurrentAdmin current, OperatorClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string DisabledMessage = "两步验证已关闭";
    public const string RequirementSaved = "保存成功";

    public OperatorClock Clock => clock;
    public DateTimeOffset? EnabledAt { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool RequireForAll { get; private set; }
    /// <summary>The rule for every admin is changed on its own page (<see cref="RequirementModel"/>), by 管理员管理 only.</summary>
    public bool CanRequire { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDisableAsync(string? code, CancellationToken ct)
    {
        var outcome = await twoFactor.DisableAsync(AdminClaims.IdOf(User), code, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = DisabledMessage;
            return Redirect("/admin/security");
        }
        ModelState.AddOutcome(outcome, localizer, prefix: "");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var id = AdminClaims.IdOf(User);
        EnabledAt = await db.AdminUsers.Where(a => a.Id == id && a.ProtectedTotpSecret != null).Select(a => a.TwoFactorEnabledAt).FirstOrDefaultAsync(ct);
        RecoveryCodesLeft = await twoFactor.UnusedRecoveryCodesAsync(id, ct);
        RequireForAll = await twoFactor.IsRequiredForAllAsync(ct);
        CanRequire = (await current.GetAsync(ct))?.Can(AdminPermission.ManageAdmins) == true;
    }
}
