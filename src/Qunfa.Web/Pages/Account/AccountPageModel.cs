using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Pages.Account;

/// <summary>A public account page (register, login, reset): rate limited per IP, messages beside the fields.</summary>
[EnableRateLimiting(RateLimits.Logins)]
public abstract class AccountPageModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    protected IStringLocalizer<SharedResource> L => localizer;

    public string? Notice { get; protected set; }

    /// <summary>After a code was sent: re-show the form as filled (passwords aside) with the notice and the countdown.</summary>
    protected IActionResult AfterCodeSent(Outcome outcome, string? phone)
    {
        ModelState.Clear();
        if (outcome.Succeeded)
        {
            Notice = string.Format(localizer["验证码已发送至{0}，5分钟内有效"], Mask(phone));
            ViewData["CodeSentSeconds"] = 60;
            // _CodeField shows the sandbox's copy of the code to this phone, when the sandbox is the carrier.
            ViewData["CodeSentTo"] = phone;
        }
        else
        {
            ModelState.AddOutcome(outcome, localizer);
        }
        return Page();
    }

    protected IActionResult Refused(Outcome outcome)
    {
        ModelState.AddOutcome(outcome, localizer);
        return Page();
    }

    private static string Mask(string? phone) =>
        phone is { Length: 11 } ? phone[..3] + "****" + phone[7..] : phone ?? "";
}
