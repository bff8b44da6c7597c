using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.Customers;

namespace Qunfa.Web.Areas.Console.Pages;

public sealed class LogoutModel(CustomerAccountService accounts) : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await accounts.SignOutAsync(ct);
        return Redirect("/account/login");
    }
}
