using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Members;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Members;

/// <summary>子账号: invite people of the company by phone, give each a role, 停用/启用 and remove them.</summary>
public sealed class IndexModel(TeamService team, CurrentCustomer current, OperatorClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InviteInput
    {
        public string? Phone { get; set; }
        public MemberRole? Role { get; set; }
    }

    public OperatorClock Clock => clock;
    [BindProperty] public InviteInput Input { get; set; } = new();
    public IReadOnlyList<TeamService.MemberRow> Members { get; private set; } = [];
    /// <summary>The phone an invitation was just sent to, whose sandbox code the page shows.</summary>
    public string? InvitedPhone { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Members = await team.ListAsync(current.Id, ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var outcome = await team.InviteAsync(current.Id, Input.Phone, Input.Role, ct);
        ModelState.Clear();
        if (outcome.Succeeded)
        {
            InvitedPhone = Input.Phone!.Trim();
            Input = new InviteInput();
        }
        else
        {
            ModelState.AddOutcome(outcome, localizer);
        }
        await OnGetAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostRoleAsync(int id, MemberRole? role, CancellationToken ct) =>
        Done(team.ChangeRoleAsync(current.Id, id, role, ct), "角色已修改");

    public Task<IActionResult> OnPostDisableAsync(int id, CancellationToken ct) =>
        Done(team.SetDisabledAsync(current.Id, id, true, ct), "子账号已停用");

    public Task<IActionResult> OnPostEnableAsync(int id, CancellationToken ct) =>
        Done(team.SetDisabledAsync(current.Id, id, false, ct), "子账号已启用");

    public Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct) =>
        Done(team.RemoveAsync(current.Id, id, ct), "子账号已移除");

    /// <summary>Another company's member, or one in the wrong state, is not found: nothing changes.</summary>
    private async Task<IActionResult> Done(Task<Outcome> change, string saved)
    {
        if (!(await change).Succeeded) return NotFound();
        TempData["Saved"] = saved;
        return Redirect("/console/members");
    }
}
