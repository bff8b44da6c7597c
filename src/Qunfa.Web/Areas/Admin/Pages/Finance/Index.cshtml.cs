using System.Globalization;
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
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public PagedList<GrantRow> Grants { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync(string? q, string? from, string? to, [FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Search = q?.Trim();
        // An unreadable date is no bound rather than an error; a reversed range is read the right way round.
        From = ReadDay(from);
        To = ReadDay(to);
        if (From is { } f && To is { } t && f > t) (From, To) = (t, f);
        Today = clock.Today;
        Grants = await finance.ListAsync(Search, From, To, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Grants, Request, "/admin/finance");
    }

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static DateOnly? ReadDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
