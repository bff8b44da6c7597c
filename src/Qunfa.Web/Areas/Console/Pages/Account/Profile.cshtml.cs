using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Pages.Account;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Account;

/// <summary>修改资料: 企业名称, 联系人 and 邮箱 of the signed-in customer.</summary>
public sealed class ProfileModel(CustomerSettingsService settings, Features.Members.MemberAccountService members, CurrentCustomer current, IStringLocalizer<SharedResource> localizer)
    : AccountPageModel(localizer)
{
    /// <summary>A 子账号 edits only its own name (in <see cref="ProfileInput.ContactName"/>), never the company's details.</summary>
    public bool IsMember => current.MemberId is not null;

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.MemberAsync(ct) is { } member)
        {
            Input = new ProfileInput { ContactName = member.Name };
            return Page();
        }
        if (await current.GetAsync(ct) is not { } customer) return Redirect("/account/login");
        Input = new ProfileInput { CompanyName = customer.CompanyName, ContactName = customer.ContactName, Email = customer.Email };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = current.MemberId is { } memberId
            ? await members.ChangeNameAsync(memberId, Input.ContactName, nameof(Input.ContactName), ct)
            : await settings.UpdateProfileAsync(current.Id, Input, ct);
        if (!outcome.Succeeded)
        {
            ModelState.Clear();
            return Refused(outcome);
        }
        TempData["Saved"] = "资料已保存";
        return Redirect("/console/account");
    }
}
