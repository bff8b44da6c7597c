using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Packages;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Customers;

/// <summary>分配短信包: 包规格, 有效截止日期 and 类型 for one customer (tests, offline purchases).</summary>
public sealed class AllocateModel(GrantService grants, AdminLogWriter adminLog, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public AllocateInput Input { get; set; } = new();

    public Customer Customer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var customer = await grants.FindCustomerAsync(id, ct);
        if (customer is null) return NotFound();
        Customer = customer;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var customer = await grants.FindCustomerAsync(id, ct);
        if (customer is null) return NotFound();
        var outcome = await adminLog.CommitAsync(await grants.StageAllocateAsync(id, Input, ct), AdminAction.AllocateGrant, ModelState.IsValid, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "分配成功";
            return Redirect($"/admin/customers/grants?id={id}");
        }
        ModelState.AddOutcome(outcome, localizer);
        Customer = customer;
        return Page();
    }
}
