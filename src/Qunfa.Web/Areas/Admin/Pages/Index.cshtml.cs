using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.Statistics;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages;

/// <summary>首页: every customer's balances and sending per category, and the signature and template notices.</summary>
public sealed class IndexModel(Dashboard dashboard, OperatorClock clock) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        View = new DashboardView(await dashboard.LoadAsync(null, ct), clock, ForAdmin: true);
}
