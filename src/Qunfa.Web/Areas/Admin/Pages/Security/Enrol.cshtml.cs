using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.AdminAuth;
using Qunfa.Web.Features.AdminAuth.TwoFactor;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Security;

/// <summary>启用两步验证 from 安全设置: scan, confirm with a code, and see the recovery codes once.</summary>
public sealed class EnrolModel(AdminTwoFactorService twoFactor, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public TotpEnrolment? Enrolment { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Enrolment = await twoFactor.BeginEnrolmentAsync(AdminClaims.IdOf(User), ct);
        return Enrolment is null ? Redirect("/admin/security") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        var id = AdminClaims.IdOf(User);
        var (outcome, codes) = await twoFactor.ConfirmEnrolmentAsync(id, code, ct);
        if (outcome.Succeeded)
        {
            RecoveryCodes = codes;
            return Page();
        }
        ModelState.AddOutcome(outcome, localizer, prefix: "");
        Enrolment = await twoFactor.BeginEnrolmentAsync(id, ct);
        return Enrolment is null ? Redirect("/admin/security") : Page();
    }
}
