using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;

namespace Qunfa.Web.Pages.Account;

public sealed class ResetModel(CustomerAccountService accounts, IStringLocalizer<SharedResource> localizer) : AccountPageModel(localizer)
{
    [BindProperty]
    public PasswordResetInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct) =>
        AfterCodeSent(await accounts.SendResetCodeAsync(Input.Phone, ct), Input.Phone);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await accounts.ResetPasswordAsync(Input, ct);
        if (!outcome.Succeeded) return Refused(outcome);
        TempData["AccountNotice"] = "密码已重置，请使用新密码登录";
        return Redirect("/account/login");
    }
}
