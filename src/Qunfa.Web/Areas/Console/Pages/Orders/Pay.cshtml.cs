using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Orders;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Orders;

/// <summary>
/// 去支付: signs the request for the order's current amount and sends the browser to Alipay's cashier (302 to the
/// gateway with the signed parameters: MD5 create_direct_pay_by_user, RSA2 alipay.trade.page.pay). Nothing changes here.
/// </summary>
public sealed class PayModel(OrderService orders, CurrentCustomer current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string? OrderNumber { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? no, CancellationToken ct)
    {
        var order = await orders.FindAsync(current.Id, no, ct);
        if (order is null) return NotFound();
        OrderNumber = order.OrderNumber;
        var (outcome, form) = await orders.PayAsync(order, ct);
        if (outcome.Succeeded && form is not null) return Redirect(form.RedirectUrl.AbsoluteUri);
        ModelState.AddOutcome(outcome, localizer);
        return Page();
    }
}
