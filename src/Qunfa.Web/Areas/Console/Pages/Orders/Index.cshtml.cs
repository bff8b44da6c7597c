using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Orders;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Orders;

/// <summary>我的订单: the customer's own orders with their state; unpaid ones can be paid again or cancelled.</summary>
public sealed class IndexModel(OrderService orders, CurrentCustomer current, OperatorClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public OperatorClock Clock => clock;
    public OrderStatus? Status { get; private set; }
    public PagedList<Order> Orders { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync(string? status, [FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Status = OrderLabels.ParseStatus(status);
        Orders = await orders.ListAsync(current.Id, Status, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Orders, Request, "/console/orders");
    }

    public async Task<IActionResult> OnPostCancelAsync([FromForm] string? no, CancellationToken ct)
    {
        if (await orders.FindAsync(current.Id, no, ct) is null) return NotFound();
        var outcome = await orders.CancelAsync(current.Id, no, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "订单已取消";
            return Redirect("/console/orders");
        }
        ModelState.AddOutcome(outcome, localizer);
        await OnGetAsync(null, null, null, ct);
        return Page();
    }
}
