using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.Orders;
using Qunfa.Web.Infrastructure.Export;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Orders;

/// <summary>订单管理: every customer's orders, filtered by order number, status and creation days, paged; 导出, 改价, 删除订单.</summary>
public sealed class IndexModel(AdminOrders orders, OrderExport export, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? StatusText { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }
    public OrderFilter Filter { get; private set; } = null!;
    public PagedList<OrderRow> Orders { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Filter = OrderFilter.Parse(Query, StatusText, From, To);
        Orders = await orders.ListAsync(Filter, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Orders, Request, "/admin/orders");
    }

    /// <summary>导出: the rows matching the current filters as xlsx, streamed from the database.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        // A refused range exports nothing: the list says why.
        Filter = OrderFilter.Parse(Query, StatusText, From, To);
        if (!Filter.Days.IsValid) return Redirect("/admin/orders" + Request.QueryString.Value?.Replace("handler=Export", "", StringComparison.Ordinal));
        var file = await export.WriteAsync(Filter, ct);
        await orders.LogExportAsync(Filter, ct);
        return File(file, TableFile.XlsxContentType, OrderExport.FileName(Filter, clock.ToLocal(clock.UtcNow)));
    }
}
