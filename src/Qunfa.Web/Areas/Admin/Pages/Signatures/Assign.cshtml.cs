using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Signatures;

/// <summary>
/// 分配签名: pick customers (or 全部用户), 查询 the signature at the carrier, choose its type, 确认分配.
/// Only a signature approved on the operator's account is assigned (<see cref="Assignment"/>).
/// </summary>
public sealed class AssignModel(
    Assignment assignment,
    AdminLogWriter adminLog,
    IStringLocalizer<SharedResource> localizer,
    CustomerDirectory customers) : PageModel
{
    [BindProperty]
    public SignAssignInput Input { get; set; } = new();

    public CustomerPicker Picker { get; private set; } = null!;
    public Assignment.SignLookup? Lookup { get; private set; }
    public int? AssignedCount { get; private set; }
    public int CorrectedCount { get; private set; }
    public string? AssignedName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (TempData["AssignedCount"] is int count)
        {
            AssignedCount = count;
            CorrectedCount = TempData["CorrectedCount"] as int? ?? 0;
            AssignedName = TempData["AssignedName"] as string;
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

    /// <summary>查询: asks the carrier whether the signature exists and how its review stands; assigns nothing.</summary>
    public async Task<IActionResult> OnPostLookUpAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (found, outcome) = await assignment.LookUpSignAsync(Input.SignName, ct);
        Lookup = found;
        // The carrier's type is the one to assign: it is chosen for the admin, who may still see and change it.
        if (found?.Type is { } type) Input.Type = type;
        ModelState.AddOutcome(outcome, localizer);
        Picker = await CustomerPicker.LoadAsync(customers, Input, ct);
        return Page();
    }

    /// <summary>确认分配.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = new Outcome();
        if (Input.Type is null) outcome.Add(nameof(Input.Type), "请选择签名类型");
        if (!ModelState.IsValid && outcome.Succeeded) outcome.Add("", "输入的值无效");
        var assigned = new Assignment.SignAssigned(0, 0);
        if (outcome.Succeeded)
            (assigned, outcome) = await assignment.AssignSignAsync(Input.SignName, Input.Type!.Value, Input.Recipients, ct);

        var name = Input.SignName?.Trim() ?? "";
        await adminLog.WriteAsync(AdminAction.AssignSignature, outcome.Succeeded,
            detail: $"{name} ({Input.Type}) → {(Input.ToAll ? "all" : string.Join(',', Input.CustomerIds.Distinct().Take(50)))}: {assigned.Assigned}, corrected {assigned.Corrected}", ct: ct);
        if (outcome.Succeeded)
        {
            TempData["AssignedCount"] = assigned.Assigned;
            TempData["CorrectedCount"] = assigned.Corrected;
            TempData["AssignedName"] = name;
            return Redirect("/admin/signatures/assign");
        }
        ModelState.AddOutcome(outcome, localizer);
        Picker = await CustomerPicker.LoadAsync(customers, Input, ct);
        return Page();
    }
}
