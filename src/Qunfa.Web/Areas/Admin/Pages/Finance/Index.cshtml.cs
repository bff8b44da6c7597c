using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.Packages;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Finance;

/// <summary>财务管理 (财务列表): every grant, allocated or purchased, searchable by 企业名称 / 邮箱 and a range of 分配时间 days.</summary>
public sealed class IndexModel(FinanceQuery finance, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    public DateOnly Today { get; private set; }
    public string? Search { get; private set; }
    public DayRange Days { get; private set; } = null!;
    public PagedList<GrantRow> Grants { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync(string? q, string? from, string? to, [FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Search = q?.Trim();
        Days = DayRange.Parse(from, to);
        Today = clock.Today;
        Grants = await finance.ListAsync(Search, Days, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Grants, Request, "/admin/finance");
    }
}
