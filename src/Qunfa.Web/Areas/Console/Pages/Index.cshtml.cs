using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Statistics;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Console.Pages;

public sealed class IndexModel(CurrentCustomer current, OperatorClock clock, Dashboard dashboard, Onboarding onboarding) : PageModel
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
        var figures = await dashboard.LoadAsync(customer.Id, ct);
        View = new DashboardView(figures, clock, ForAdmin: false);
        SignatureCount = figures.Signatures.PerStatus.Values.Sum();
        TemplateCount = figures.Templates.PerStatus.Values.Sum();
        Checklist = await onboarding.LoadAsync(customer.Id, figures, ct);
        return Page();
    }
}
