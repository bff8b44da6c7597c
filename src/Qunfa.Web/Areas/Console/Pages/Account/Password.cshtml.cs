using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Pages.Account;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Account;

/// <summary>修改密码: the current password, then a new one under the password rules; other sessions end.</summary>
[EnableRateLimiting(RateLimits.Logins)]
public sealed class PasswordModel(CustomerSettingsService settings, Features.Members.MemberAccountService members, CurrentCustomer current, IStringLocalizer<SharedResource> localizer)
    : AccountPageModel(localizer)
{
    [BindProperty]
    public PasswordChangeInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = current.MemberId is { } memberId
            ? await members.ChangePasswordAsync(memberId, Input, ct)
            : await settings.ChangePasswordAsync(current.Id, Input, ct);
        if (!outcome.Succeeded)
        {
            ModelState.Clear();
            return Refused(outcome);
        }
        TempData["Saved"] = "密码已修改，其他设备上的登录已退出";
        return Redirect("/console/account");
    }
}
