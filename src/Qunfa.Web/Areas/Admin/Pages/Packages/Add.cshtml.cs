using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Packages;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Packages;

/// <summary>添加短信包.</summary>
public sealed class AddModel(ProductService products, AdminLogWriter adminLog, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public ProductInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await adminLog.CommitAsync(await products.StageAddAsync(Input, ct), AdminAction.AddProduct, ModelState.IsValid, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "保存成功";
            return Redirect("/admin/packages");
        }
        ModelState.AddOutcome(outcome, localizer);
        return Page();
    }
}
