using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Orders;

namespace Qunfa.Web.Areas.Admin.Pages.Orders;

/// <summary>改价: a new 订单金额 for an unpaid order (above zero, at most two decimals); logged.</summary>
public sealed class PriceModel(AdminOrders orders, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Order Order { get; private set; } = null!;

    [BindProperty] public string? Price { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await orders.FindAsync(id, ct) is not { } order) return NotFound();
        Order = order;
        Price = OrderLabels.Yuan(order.AmountFen);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await orders.FindAsync(id, ct) is not { } order) return NotFound();
        var outcome = await orders.ChangePriceAsync(id, Price, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "改价成功";
            return Redirect("/admin/orders");
        }
        foreach (var (field, messages) in outcome.Errors)
            foreach (var message in messages)
                ModelState.AddModelError(field, localizer[message]);
        Order = (await orders.FindAsync(id, ct)) ?? order;
        return Page();
    }
}
