using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.Replies;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Replies;

/// <summary>上行回复 of every customer, with the ones no customer was found for.</summary>
public sealed class IndexModel(ReplyQueries replies, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "unmatched")] public bool UnmatchedOnly { get; set; }
    public PagedList<AdminReplyRow> Replies { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Replies = await replies.ForAdminAsync(Query, UnmatchedOnly, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Replies, Request, "/admin/replies");
    }
}
