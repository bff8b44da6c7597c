using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Statistics;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Console.Pages;

public sealed class IndexModel(CurrentCustomer current, QunfaDbContext db, OperatorClock clock, Dashboard dashboard, Onboarding onboarding) : PageModel
{
    public OperatorClock Clock => clock;
    public Customer Customer { get; private set; } = null!;
    public int SignatureCount { get; private set; }
    public int TemplateCount { get; private set; }
    /// <summary>首页's figures for this customer's own account.</summary>
    public DashboardView View { get; private set; } = null!;
    public Onboarding.Checklist Checklist { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var customer = await current.GetAsync(ct);
        if (customer is null) return Redirect("/account/login");
        Customer = customer;
        SignatureCount = await db.Signatures.CountAsync(s => s.CustomerId == customer.Id, ct);
        TemplateCount = await db.Templates.CountAsync(t => t.CustomerId == customer.Id, ct);
        View = new DashboardView(await dashboard.LoadAsync(customer.Id, ct), clock, ForAdmin: false);
        Checklist = await onboarding.LoadAsync(customer.Id, ct);
        return Page();
    }
}
