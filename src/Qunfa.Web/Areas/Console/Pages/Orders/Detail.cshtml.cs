using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Orders;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Console.Pages.Orders;

/// <summary>One of the customer's own orders, with 去支付 while it is unpaid. Another customer's order is 404.</summary>
public sealed class DetailModel(OrderService orders, CurrentCustomer current, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    public Order Order { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? no, CancellationToken ct)
    {
        var order = await orders.FindAsync(current.Id, no, ct);
        if (order is null) return NotFound();
        Order = order;
        return Page();
    }
}
