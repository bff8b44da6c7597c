using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Packages;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Console.Pages.Packages;

/// <summary>短信包: the customer's own grants and its balance per category (Active, unexpired grants only).</summary>
public sealed class IndexModel(GrantService grants, CurrentCustomer current, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    public DateOnly Today { get; private set; }
    public IReadOnlyList<CategoryBalance> Balances { get; private set; } = [];
    public PagedList<GrantRow> Grants { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        var customerId = current.Id;
        Today = clock.Today;
        Balances = await grants.BalancesAsync(customerId, ct);
        Grants = await grants.ListForCustomerAsync(customerId, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Grants, Request, "/console/packages");
    }
}
