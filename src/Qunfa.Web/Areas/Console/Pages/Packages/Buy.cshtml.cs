using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Packages;

namespace Qunfa.Web.Areas.Console.Pages.Packages;

/// <summary>购买短信包: every product, recommended first by 推荐排序; 购买 posts the product to /console/orders/create.</summary>
public sealed class BuyModel(ProductService products) : PageModel
{
    public IReadOnlyList<PackageProduct> Products { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Products = await products.ForSaleAsync(ct);
}
