using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.AdminAuth;

namespace Qunfa.Web.Areas.Admin.Pages;

/// <summary>安全退出: POST only, so a link or image elsewhere cannot sign the admin out.</summary>
public sealed class LogoutModel(AdminSignInService signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/admin");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await signIn.SignOutAsync(ct);
        return Redirect("/admin/login");
    }
}
