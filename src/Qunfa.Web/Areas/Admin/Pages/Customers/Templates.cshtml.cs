using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Customers;

/// <summary>查看模板 (短信模板列表): one customer's templates in every status.</summary>
public sealed class TemplatesModel(
    OperatorClock clock,
    CustomerDirectory customers,
    MessagingDirectory messaging) : PageModel
{
    public OperatorClock Clock => clock;
    public Customer Customer { get; private set; } = null!;
    public string? Search { get; private set; }
    public PagedList<Template> Templates { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? q, [FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        var customer = await customers.FindAsync(id, ct);
        if (customer is null) return NotFound();
        Customer = customer;
        Search = q?.Trim();
        Templates = await messaging.TemplatesAsync(new MessagingFilter(CustomerId: id, Search: Search), new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Templates, Request, "/admin/customers/templates");
        return Page();
    }
}
