using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Customers;

/// <summary>用户管理: every registered customer, searchable and paged, newest first unless sorted otherwise.</summary>
public sealed class IndexModel(
    OperatorClock clock,
    CustomerDirectory customers) : PageModel
{
    public OperatorClock Clock => clock;
    public string? Search { get; private set; }
    public ListSort Sort { get; private set; }
    public PagedList<Customer> Customers { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;
    public string SortUrl { get; private set; } = "";

    public async Task OnGetAsync(string? q, string? sort, [FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Search = q?.Trim();
        Sort = ListSorts.Parse(sort);
        Customers = await customers.ListAsync(Search, Sort, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Customers, Request, "/admin/customers");
        SortUrl = ListSorts.ToggleUrl("/admin/customers", Request, Sort);
    }
}
