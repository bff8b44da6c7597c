using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Customers;

/// <summary>编辑 (用户信息): the customer's details and its 签名数量上限 / 模板数量上限.</summary>
public sealed class EditModel(
    AdminLogWriter adminLog,
    OperatorClock clock,
    IStringLocalizer<SharedResource> localizer,
    CustomerDirectory customers,
    CustomerAdministration administration,
    Features.Members.TeamService team) : PageModel
{
    [BindProperty]
    public CustomerEditInput Input { get; set; } = new();

    public string CreatedAt { get; private set; } = "";

    public OperatorClock Clock => clock;

    /// <summary>The customer's 子账号, shown below its details.</summary>
    public IReadOnlyList<Features.Members.TeamService.MemberRow> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var customer = await customers.FindAsync(id, ct);
        if (customer is null) return NotFound();
        Input = CustomerEditInput.From(customer);
        CreatedAt = clock.Format(customer.CreatedAt);
        Members = await team.ListAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var existing = await customers.FindAsync(id, ct);
        if (existing is null) return NotFound();
        var outcome = await adminLog.CommitAsync(await administration.StageEditAsync(id, Input, ct), AdminAction.EditCustomer, ModelState.IsValid, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "保存成功";
            return Redirect("/admin/customers");
        }
        ModelState.AddOutcome(outcome, localizer);
        CreatedAt = clock.Format(existing.CreatedAt);
        Members = await team.ListAsync(id, ct);
        return Page();
    }
}
