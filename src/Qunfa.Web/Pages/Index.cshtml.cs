using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Packages;
using Qunfa.Web.Features.Settings;

namespace Qunfa.Web.Pages;

public sealed class IndexModel(PortalProfileService portal, ProductService products) : PageModel
{
    public string CompanyName { get; private set; } = "";

    /// <summary>首页推荐 products by category, each by 推荐排序.</summary>
    public IReadOnlyList<(SmsCategory Category, IReadOnlyList<PackageProduct> Products)> Recommended { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        CompanyName = (await portal.GetAsync(ct)).CompanyName;
        Recommended = await products.RecommendedAsync(ct);
    }
}
