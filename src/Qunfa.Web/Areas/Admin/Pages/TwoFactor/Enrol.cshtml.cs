using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.AdminAuth;
using Qunfa.Web.Features.AdminAuth.TwoFactor;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.TwoFactor;

/// <summary>
/// 登陆's second step when the operator requires two-factor sign-in and this admin has none yet: enrol, see the recovery
/// codes once, and the session starts.
/// </summary>
public sealed class EnrolModel(AdminSecondStep secondStep, AdminTwoFactorService twoFactor, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public TotpEnrolment? Enrolment { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string ReturnPath => AdminSession.ReturnPath(Url, ReturnUrl);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var admin = await secondStep.PendingAsync(AdminSecondStep.EnrolPath, ct);
        if (admin is null) return Redirect("/admin/login");
        Enrolment = await twoFactor.BeginEnrolmentAsync(admin.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        var admin = await secondStep.PendingAsync(AdminSecondStep.EnrolPath, ct);
        if (admin is null) return Redirect("/admin/login");
        var (outcome, codes) = await twoFactor.ConfirmEnrolmentAsync(admin.Id, code, ct);
        if (outcome.Succeeded)
        {
            await secondStep.CompleteAsync(admin, ct);
            RecoveryCodes = codes;
            return Page();
        }
        ModelState.AddOutcome(outcome, localizer, prefix: "");
        Enrolment = await twoFactor.BeginEnrolmentAsync(admin.Id, ct);
        return Page();
    }
}
