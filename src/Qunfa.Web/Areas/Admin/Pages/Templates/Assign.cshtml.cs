using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Templates;

/// <summary>
/// 分配模板: pick customers (or 全部用户), 查询 the template code at the carrier (模板名称, 模板类型, 模板内容,
/// 审核状态), 确认分配. Only a template approved on the operator's account is assigned (<see cref="Assignment"/>).
/// </summary>
public sealed class AssignModel(
    Assignment assignment,
    AdminLogWriter adminLog,
    IStringLocalizer<SharedResource> localizer,
    CustomerDirectory customers) : PageModel
{
    [BindProperty]
    public TemplateAssignInput Input { get; set; } = new();

    public CustomerPicker Picker { get; private set; } = null!;
    public Assignment.TemplateLookup? Lookup { get; private set; }
    public int? AssignedCount { get; private set; }
    public string? AssignedCode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (TempData["AssignedCount"] is int count)
        {
            AssignedCount = count;
            AssignedCode = TempData["AssignedCode"] as string;
        }
        Picker = await CustomerPicker.LoadAsync(customers, Input, ct);
    }

    /// <summary>搜索用户: only narrows the list, keeping what is ticked and typed.</summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Picker = await CustomerPicker.LoadAsync(customers, Input, ct);
        return Page();
    }

    /// <summary>查询: shows the template as the carrier has it, or 未查询到该模板信息; assigns nothing.</summary>
    public async Task<IActionResult> OnPostLookUpAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (found, outcome) = await assignment.LookUpTemplateAsync(Input.TemplateCode, ct);
        Lookup = found;
        ModelState.AddOutcome(outcome, localizer);
        Picker = await CustomerPicker.LoadAsync(customers, Input, ct);
        return Page();
    }

    /// <summary>确认分配.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? Outcome.Ok() : Outcome.Fail("", "输入的值无效");
        var assigned = 0;
        if (outcome.Succeeded)
            (assigned, outcome) = await assignment.AssignTemplateAsync(Input.TemplateCode, Input.Recipients, ct);

        var code = Input.TemplateCode?.Trim() ?? "";
        await adminLog.WriteAsync(AdminAction.AssignTemplate, outcome.Succeeded,
            detail: $"{code} → {(Input.ToAll ? "all" : string.Join(',', Input.CustomerIds.Distinct().Take(50)))}: {assigned}", ct: ct);
        if (outcome.Succeeded)
        {
            TempData["AssignedCount"] = assigned;
            TempData["AssignedCode"] = code;
            return Redirect("/admin/templates/assign");
        }
        ModelState.AddOutcome(outcome, localizer);
        Picker = await CustomerPicker.LoadAsync(customers, Input, ct);
        return Page();
    }
}
