using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.AdminAuth;
using Qunfa.Web.Features.AdminTeam;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Team;

/// <summary>管理员管理: every administrator with role and state, and what the 超级管理员 may do to each.</summary>
public sealed class IndexModel(AdminTeamService team, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    public int CurrentAdminId { get; private set; }
    public PagedList<AdminTeamService.Row> Admins { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        CurrentAdminId = AdminClaims.IdOf(User);
        Admins = await team.ListAsync(new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Admins, Request, "/admin/team");
    }
}
