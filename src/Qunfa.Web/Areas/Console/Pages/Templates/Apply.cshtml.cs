using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Messaging.Templates;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Templates;

public sealed class ApplyModel(TemplateService templates, CurrentCustomer current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    public IReadOnlyList<string> ApprovedSigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => ApprovedSigns = await templates.ApprovedSignNamesAsync(current.Id, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await templates.ApplyAsync(current.Id, Input, ct) : Outcome.Fail("", "输入的值无效");
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "模板已提交审核";
            return Redirect("/console/templates");
        }
        ModelState.AddOutcome(outcome, localizer);
        ApprovedSigns = await templates.ApprovedSignNamesAsync(current.Id, ct);
        return Page();
    }
}
