using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.AdminAuth.TwoFactor;

namespace Qunfa.Web.Areas.Admin.Pages.Security;

/// <summary>
/// The operator's rule that every admin signs in with two-factor; a page of its own so that only 管理员管理 may change it,
/// while 安全设置 stays open to every admin for their own authenticator.
/// </summary>
public sealed class RequirementModel(AdminTwoFactorService twoFactor) : PageModel
{
    [BindProperty] public bool RequireForAll { get; set; }

    public IActionResult OnGet() => Redirect("/admin/security");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await twoFactor.SetRequiredForAllAsync(RequireForAll, ct);
        TempData["Saved"] = IndexModel.RequirementSaved;
        return Redirect("/admin/security");
    }
}
