using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Packages;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Packages;

/// <summary>删除, confirmed on this page: grants and orders are untouched (orders keep their copy of the terms).</summary>
public sealed class DeleteModel(ProductService products, AdminLogWriter adminLog, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PackageProduct Product { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var product = await products.FindAsync(id, ct);
        if (product is null) return NotFound();
        Product = product;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var product = await products.FindAsync(id, ct);
        if (product is null) return NotFound();
        var outcome = await adminLog.CommitAsync(await products.StageDeleteAsync(id, ct), AdminAction.DeleteProduct, true, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "删除成功";
            return Redirect("/admin/packages");
        }
        ModelState.AddOutcome(outcome, localizer);
        Product = product;
        return Page();
    }
}
