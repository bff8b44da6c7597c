using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Pages.Account;

namespace Qunfa.Web.Areas.Console.Pages;

/// <summary>Change phone (重置手机号) with a code sent to the new number.</summary>
[EnableRateLimiting(RateLimits.Logins)]
public sealed class AccountModel(CustomerAccountService accounts, CurrentCustomer current, IStringLocalizer<SharedResource> localizer)
    : AccountPageModel(localizer)
{
    [BindProperty]
    public PhoneChangeInput Input { get; set; } = new();

    public string CurrentPhone => Customer?.Phone ?? "";

    public Domain.Customers.Customer? Customer { get; private set; }

    /// <summary>The signed-in 子账号, who sees its own details; the company's phone is the owner's to change.</summary>
    public Domain.Customers.CustomerMember? Member { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Customer = await current.GetAsync(ct);
        Member = await current.MemberAsync(ct);
    }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct)
    {
        if (current.MemberId is not null) return StatusCode(StatusCodes.Status403Forbidden);
        Customer = await current.GetAsync(ct);
        return AfterCodeSent(await accounts.SendPhoneChangeCodeAsync(Input.Phone, ct), Input.Phone);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (current.MemberId is not null) return StatusCode(StatusCodes.Status403Forbidden);
        var outcome = await accounts.ChangePhoneAsync(current.Id, Input, ct);
        if (!outcome.Succeeded)
        {
            Customer = await current.GetAsync(ct);
            return Refused(outcome);
        }
        TempData["Saved"] = "手机号已修改";
        return Redirect("/console/account");
    }
}
