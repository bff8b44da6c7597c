using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Customers;

/// <summary>查看签名 (用户签名模板列表): one customer's signatures in every status.</summary>
public sealed class SignaturesModel(
    OperatorClock clock,
    CustomerDirectory customers,
    MessagingDirectory messaging) : PageModel
{
    public OperatorClock Clock => clock;
    public Customer Customer { get; private set; } = null!;
    public string? Search { get; private set; }
    public PagedList<Signature> Signatures { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? q, [FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        var customer = await customers.FindAsync(id, ct);
        if (customer is null) return NotFound();
        Customer = customer;
        Search = q?.Trim();
        Signatures = await messaging.SignaturesAsync(new MessagingFilter(CustomerId: id, Search: Search), new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Signatures, Request, "/admin/customers/signatures");
        return Page();
    }
}
