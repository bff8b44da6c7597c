using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.GoLive;
using Qunfa.Web.Features.Statistics;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages;

/// <summary>
/// 首页: every customer's balances and sending per category, and the signature and template notices; above them a
/// warning until both the carrier and the payment are the operator's real ones.
/// </summary>
public sealed class IndexModel(Dashboard dashboard, SandboxUseQuery sandbox, OperatorClock clock) : PageModel
{
    public DashboardView View { get; private set; } = null!;
    public SandboxNotice Sandbox { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sandbox = await sandbox.BothAsync(ct);
        View = new DashboardView(await dashboard.LoadAsync(null, ct), clock, ForAdmin: true);
    }
}
