using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Replies;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Replies;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Replies;

/// <summary>退订名单: numbers the customer's promotions skip; added by opt-out replies or by hand, removable.</summary>
public sealed class OptOutsModel(OptOutList optOuts, CurrentCustomer current, OperatorClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class AddInput
    {
        public string? Phone { get; set; }
    }

    public OperatorClock Clock => clock;
    [BindProperty(SupportsGet = true, Name = "phone")] public string? Search { get; set; }
    [BindProperty] public AddInput Input { get; set; } = new();
    public PagedList<OptOut> OptOuts { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        OptOuts = await optOuts.ListAsync(current.Id, Search, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(OptOuts, Request, "/console/opt-outs");
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var outcome = await optOuts.AddAsync(current.Id, Input.Phone, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = ReplyMessages.Added;
            return Redirect("/console/opt-outs");
        }
        ModelState.AddOutcome(outcome, localizer);
        await OnGetAsync(null, null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken ct)
    {
        if (!await optOuts.RemoveAsync(current.Id, id, ct)) return NotFound();
        TempData["Saved"] = ReplyMessages.Removed;
        return Redirect("/console/opt-outs");
    }
}
