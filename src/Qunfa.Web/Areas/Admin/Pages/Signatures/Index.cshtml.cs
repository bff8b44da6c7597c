using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Signatures;

/// <summary>签名管理: every customer's signatures with the customer's details, filtered by status and search.</summary>
public sealed class IndexModel(
    OperatorClock clock,
    MessagingDirectory messaging) : PageModel
{
    public OperatorClock Clock => clock;
    public string? Search { get; private set; }
    public ReviewStatus? Status { get; private set; }
    public ListSort Sort { get; private set; }
    public string SortUrl { get; private set; } = "";
    public PagedList<Signature> Signatures { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync(string? q, string? status, string? sort, [FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Search = q?.Trim();
        // An unknown status shows every status rather than failing the page.
        Status = Enum.TryParse<ReviewStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        Sort = ListSorts.Parse(sort);
        Signatures = await messaging.SignaturesAsync(new MessagingFilter(Search: Search, Status: Status, Sort: Sort), new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Signatures, Request, "/admin/signatures");
        SortUrl = ListSorts.ToggleUrl("/admin/signatures", Request, Sort);
    }
}
