using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Pages.Account;

public sealed class LoginModel(CustomerAccountService accounts, IStringLocalizer<SharedResource> localizer) : AccountPageModel(localizer)
{
    [BindProperty] public string? Account { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await accounts.SignInAsync(Account, Password, ct);
        if (outcome.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/console", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/console");
        Password = null;
        ModelState.AddOutcome(outcome, L, prefix: "");
        return Page();
    }
}
