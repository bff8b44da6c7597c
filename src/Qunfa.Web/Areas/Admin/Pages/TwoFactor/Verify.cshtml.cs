using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.AdminAuth;
using Qunfa.Web.Features.AdminAuth.TwoFactor;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.TwoFactor;

/// <summary>登陆's second step for an admin with two-factor sign-in: a TOTP code, or one of the recovery codes.</summary>
public sealed class VerifyModel(AdminSecondStep secondStep, AdminTwoFactorService twoFactor, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await secondStep.PendingAsync(AdminSecondStep.VerifyPath, ct) is null ? Redirect("/admin/login") : Page();

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        var admin = await secondStep.PendingAsync(AdminSecondStep.VerifyPath, ct);
        if (admin is null) return Redirect("/admin/login");
        var outcome = await twoFactor.VerifySignInAsync(admin, code, ct);
        if (outcome.Succeeded)
        {
            await secondStep.CompleteAsync(admin, ct);
            return LocalRedirect(AdminSession.ReturnPath(Url, ReturnUrl));
        }
        ModelState.AddOutcome(outcome, localizer, prefix: "");
        return Page();
    }
}
