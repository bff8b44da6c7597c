using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Messaging.Templates;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Templates;

public sealed class EditModel(TemplateService templates, CurrentCustomer current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    public IReadOnlyList<string> ApprovedSigns { get; private set; } = [];
    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var template = await templates.FindAsync(current.Id, id, ct);
        if (template is null) return NotFound();
        Input = TemplateInput.From(template);
        Reason = template.Reason;
        ApprovedSigns = await templates.ApprovedSignNamesAsync(current.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var template = await templates.FindAsync(current.Id, id, ct);
        if (template is null) return NotFound();
        var outcome = ModelState.IsValid ? await templates.EditRejectedAsync(current.Id, id, Input, ct) : Outcome.Fail("", "输入的值无效");
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "模板已重新提交审核";
            return Redirect("/console/templates");
        }
        ModelState.AddOutcome(outcome, localizer);
        Reason = template.Reason;
        ApprovedSigns = await templates.ApprovedSignNamesAsync(current.Id, ct);
        return Page();
    }
}
