using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Messaging.Templates;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Templates;

public sealed class IndexModel(
    TemplateService templates,
    MessagingRemoval removal,
    QunfaDbContext db,
    CurrentCustomer current,
    OperatorClock clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public OperatorClock Clock => clock;
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    public PagedList<Template> Templates { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Templates = await templates.ListAsync(current.Id, Search, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Templates, Request, "/console/templates");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var template = await db.Templates.FindAsync([id], ct);
        if (template is null || template.CustomerId != current.Id) return NotFound();
        var outcome = await removal.DeleteAsync(template, byAdmin: false, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "删除成功";
            return Redirect("/console/templates");
        }
        ModelState.AddOutcome(outcome, localizer);
        await OnGetAsync(null, null, ct);
        return Page();
    }
}
