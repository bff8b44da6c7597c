using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Customers;

/// <summary>冻结账号 / 恢复账号, confirmed on this page: a frozen customer can log in but cannot send.</summary>
public sealed class FreezeModel(
    AdminLogWriter adminLog,
    OperatorClock clock,
    IStringLocalizer<SharedResource> localizer,
    CustomerDirectory customers,
    CustomerAdministration administration,
    Features.Members.TeamService team) : PageModel
{
    public OperatorClock Clock => clock;
    public Customer Customer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var customer = await customers.FindAsync(id, ct);
        if (customer is null) return NotFound();
        Customer = customer;
        return Page();
    }

    public Task<IActionResult> OnPostFreezeAsync(int id, CancellationToken ct) => ChangeAsync(id, true, ct);

    public Task<IActionResult> OnPostUnfreezeAsync(int id, CancellationToken ct) => ChangeAsync(id, false, ct);

    private async Task<IActionResult> ChangeAsync(int id, bool frozen, CancellationToken ct)
    {
        var (customer, staged) = await administration.StageFreezeAsync(id, frozen, ct);
        if (customer is null) return NotFound();
        var action = frozen ? AdminAction.FreezeCustomer : AdminAction.UnfreezeCustomer;
        var outcome = await adminLog.CommitAsync(staged, action, ModelState.IsValid, ct);
        if (outcome.Succeeded)
        {
            await team.ForgetCustomerKeysAsync(id, ct);
            TempData["Saved"] = frozen ? "账号已冻结" : "账号已恢复";
            return Redirect("/admin/customers");
        }
        ModelState.AddOutcome(outcome, localizer);
        Customer = (await customers.FindAsync(id, ct))!;
        return Page();
    }
}
