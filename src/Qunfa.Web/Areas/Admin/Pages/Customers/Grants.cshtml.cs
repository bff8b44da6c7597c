using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.Packages;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Customers;

/// <summary>分配记录 (用户短信包列表): one customer's grants, allocated or purchased, searchable, with 修改.</summary>
public sealed class GrantsModel(GrantService grants, FinanceQuery finance, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    public DateOnly Today { get; private set; }
    public Customer Customer { get; private set; } = null!;
    public string? Search { get; private set; }
    public DayRange Days { get; private set; } = null!;
    public PagedList<GrantRow> Grants { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? q, string? from, string? to, [FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        var customer = await grants.FindCustomerAsync(id, ct);
        if (customer is null) return NotFound();
        Customer = customer;
        Today = clock.Today;
        Search = q?.Trim();
        Days = DayRange.Parse(from, to);
        Grants = await finance.ListAsync(Search, Days, new PageRequest(pageNumber, size), ct, customerId: id);
        Pager = PagerModel.For(Grants, Request, "/admin/customers/grants");
        return Page();
    }
}
