using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Log;

public sealed class IndexModel(AdminLogQuery query, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    public DateOnly Day { get; private set; }
    public int? OperatorId { get; private set; }
    public IReadOnlyList<AdminLogQuery.Operator> Operators { get; private set; } = [];
    public PagedList<AdminLogQuery.Row> Entries { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync(string? day, [FromQuery(Name = "operator")] int? operatorId, [FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        // An unreadable date falls back to today rather than failing the page.
        Day = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : clock.Today;
        OperatorId = operatorId;
        Operators = await query.OperatorsAsync(ct);
        Entries = await query.ForDayAsync(Day, OperatorId, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Entries, Request, "/admin/log");
    }
}
