using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Packages;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Customers;

/// <summary>修改 one 用户短信包: 包规格, 有效截止日期, 使用量 and 状态 (正常 / 失效 / 冻结).</summary>
public sealed class GrantEditModel(GrantService grants, AdminLogWriter adminLog, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public GrantEditInput Input { get; set; } = new();

    public PackageGrant Grant { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var grant = await grants.FindAsync(id, ct);
        if (grant is null) return NotFound();
        Grant = grant;
        Input = GrantEditInput.From(grant);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var grant = await grants.FindAsync(id, ct);
        if (grant is null) return NotFound();
        var outcome = await adminLog.CommitAsync(await grants.StageEditAsync(id, Input, ct), AdminAction.EditGrant, ModelState.IsValid, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "保存成功";
            return Redirect($"/admin/customers/grants?id={grant.CustomerId}");
        }
        ModelState.AddOutcome(outcome, localizer);
        Grant = grant;
        return Page();
    }
}
