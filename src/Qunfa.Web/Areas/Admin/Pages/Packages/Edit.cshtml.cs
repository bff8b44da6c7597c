using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Packages;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Packages;

/// <summary>修改 a product; orders already placed keep the terms they copied.</summary>
public sealed class EditModel(ProductService products, AdminLogWriter adminLog, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public ProductInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var product = await products.FindAsync(id, ct);
        if (product is null) return NotFound();
        Input = ProductInput.From(product);
        ShowUnitPrice(product);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var existing = await products.FindAsync(id, ct);
        if (existing is null) return NotFound();
        var outcome = await adminLog.CommitAsync(await products.StageEditAsync(id, Input, ct), AdminAction.EditProduct, ModelState.IsValid, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "保存成功";
            return Redirect("/admin/packages");
        }
        ModelState.AddOutcome(outcome, localizer);
        ShowUnitPrice(existing);
        return Page();
    }

    private void ShowUnitPrice(PackageProduct product) => ViewData["UnitPrice"] = Money.UnitPrice(product.PriceFen, product.Size);
}
