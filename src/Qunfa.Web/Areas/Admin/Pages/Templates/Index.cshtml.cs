using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Templates;

/// <summary>模板管理: every customer's templates with the customer's details, filtered by status, type and search.</summary>
public sealed class IndexModel(
    OperatorClock clock,
    MessagingDirectory messaging) : PageModel
{
    public OperatorClock Clock => clock;
    public string? Search { get; private set; }
    public ReviewStatus? Status { get; private set; }
    public TemplateType? Type { get; private set; }
    public ListSort Sort { get; private set; }
    public string SortUrl { get; private set; } = "";
    public PagedList<Template> Templates { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync(string? q, string? status, string? type, string? sort, [FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Search = q?.Trim();
        // Unknown filter values show everything rather than failing the page.
        Status = Enum.TryParse<ReviewStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        Type = Enum.TryParse<TemplateType>(type, ignoreCase: true, out var t) && Enum.IsDefined(t) ? t : null;
        Sort = ListSorts.Parse(sort);
        Templates = await messaging.TemplatesAsync(new MessagingFilter(Search: Search, Status: Status, TemplateType: Type, Sort: Sort), new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Templates, Request, "/admin/templates");
        SortUrl = ListSorts.ToggleUrl("/admin/templates", Request, Sort);
    }
}
