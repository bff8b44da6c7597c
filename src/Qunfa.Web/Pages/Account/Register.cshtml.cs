using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;

namespace Qunfa.Web.Pages.Account;

public sealed class RegisterModel(CustomerAccountService accounts, IStringLocalizer<SharedResource> localizer) : AccountPageModel(localizer)
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct) =>
        AfterCodeSent(await accounts.SendRegistrationCodeAsync(Input.Phone, ct), Input.Phone);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await accounts.RegisterAsync(Input, ct);
        return outcome.Succeeded ? Redirect("/console") : Refused(outcome);
    }
}
