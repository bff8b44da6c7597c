using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Qunfa.Web.Areas.Admin.Pages;

/// <summary>The admin's landing page: the first menu entry that works until 首页 arrives with the statistics.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/admin/settings/profile");
}
