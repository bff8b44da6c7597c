using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Statistics;

/// <summary>What the shared 首页 partial shows, and whose links it uses: the admin's pages or the customer's own.</summary>
public sealed record DashboardView(Dashboard.Figures Figures, OperatorClock Clock, bool ForAdmin)
{
    public string ApplicationLink(Dashboard.Notice n, bool isTemplate) => ForAdmin
        ? (isTemplate ? "/admin/templates/view?id=" : "/admin/signatures/view?id=") + n.Id
        : (isTemplate ? "/console/templates?q=" : "/console/signatures?q=") + Uri.EscapeDataString(n.Name);

    public string DeletionLink(Dashboard.Notice n, bool isTemplate) => ForAdmin
        ? (isTemplate ? "/admin/customers/templates?id=" : "/admin/customers/signatures?id=") + n.CustomerId
        : isTemplate ? "/console/templates" : "/console/signatures";
}
