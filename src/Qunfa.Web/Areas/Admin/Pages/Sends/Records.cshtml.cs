using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.Sending.Admin;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Sends;

/// <summary>发送记录: every customer's sends with signature, template and counts, searchable by customer or number and days, paged.</summary>
public sealed class RecordsModel(AdminSendRecords sends, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }
    public SendTaskFilter Filter { get; private set; } = null!;
    public PagedList<AdminTaskRow> Tasks { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Filter = SendTaskFilter.Parse(Query, From, To);
        Tasks = await sends.ListAsync(Filter, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Tasks, Request, "/admin/sends/records");
    }
}
