using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.Orders;

namespace Qunfa.Web.Areas.Admin.Pages.Orders;

/// <summary>删除订单: after a confirmation, deletes every 未支付 and 已作废 order created more than 30 days ago; logged with the count.</summary>
public sealed class PurgeModel(AdminOrders orders) : PageModel
{
    public int Count { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Count = await orders.CountPurgeableAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var deleted = await orders.PurgeAsync(ct);
        TempData["Saved"] = $"已删除{deleted}条订单";
        return Redirect("/admin/orders");
    }
}
