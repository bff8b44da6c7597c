using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Replies;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Replies;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Console.Pages.Replies;

/// <summary>上行回复: replies matched to the customer's messages, newest first, searchable by number.</summary>
public sealed class IndexModel(ReplyQueries replies, CurrentCustomer current, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    [BindProperty(SupportsGet = true, Name = "phone")] public string? Phone { get; set; }
    public PagedList<InboundReply> Replies { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Replies = await replies.ForCustomerAsync(current.Id, Phone, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Replies, Request, "/console/replies");
    }
}
