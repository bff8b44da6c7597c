using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.AdminAuth;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages;

[EnableRateLimiting(RateLimits.AdminLogins)]
public sealed class LoginModel(AdminSignInService signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty] public string? Account { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (outcome, secondStep) = await signIn.SignInAsync(Account, Password, ct);
        if (outcome.Succeeded && secondStep is { } step)
            return LocalRedirect(step + "?returnUrl=" + Uri.EscapeDataString(AdminSession.ReturnPath(Url, ReturnUrl)));
        if (outcome.Succeeded)
            return LocalRedirect(AdminSession.ReturnPath(Url, ReturnUrl));
        ModelState.AddOutcome(outcome, localizer, prefix: "");
        Password = null;
        return Page();
    }
}
