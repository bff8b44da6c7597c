using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Orders;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Orders;

/// <summary>立即购买 posts here: a new 未支付 order with the product's terms, then its page with 去支付.</summary>
public sealed class CreateModel(OrderService orders, CurrentCustomer current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IActionResult OnGet() => Redirect("/console/packages/buy");

    public async Task<IActionResult> OnPostAsync([FromForm] int? productId, CancellationToken ct)
    {
        if (productId is not { } id)
        {
            ModelState.AddModelError("", localizer["请选择要购买的短信包"]);
            return Page();
        }
        var (outcome, order) = await orders.CreateAsync(current.Id, id, ct);
        if (outcome.Succeeded && order is not null)
            return Redirect("/console/orders/detail?no=" + order.OrderNumber);
        ModelState.AddOutcome(outcome, localizer);
        return Page();
    }
}
