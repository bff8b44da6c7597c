using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Packages;
using Qunfa.Web.Infrastructure.Paging;

namespace Qunfa.Web.Areas.Admin.Pages.Packages;

/// <summary>短信包管理: the product list with 添加短信包, 修改 and 删除.</summary>
public sealed class IndexModel(ProductService products) : PageModel
{
    public PagedList<PackageProduct> Products { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Products = await products.ListAsync(new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Products, Request, "/admin/packages");
    }
}
