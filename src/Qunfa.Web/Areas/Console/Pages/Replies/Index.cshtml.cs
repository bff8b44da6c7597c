using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Replies;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Replies;
using Qunfa.Web.Features.Sandbox;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Replies;

/// <summary>上行回复: replies matched to the customer's messages, newest first, searchable by number; 模拟上行回复 in a sandbox trial.</summary>
public sealed class IndexModel(ReplyQueries replies, ReplySimulator simulator, CurrentCustomer current, OperatorClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public OperatorClock Clock => clock;
    [BindProperty(SupportsGet = true, Name = "phone")] public string? Phone { get; set; }
    [BindProperty] public SimulatedReplyInput Simulate { get; set; } = new();
    public PagedList<InboundReply> Replies { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;
    public bool CanSimulate => simulator.IsAvailable;
    public IReadOnlyList<ReplySimulator.Recipient> Recipients { get; private set; } = [];

    public Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct) => LoadAsync(pageNumber, size, ct);

    public async Task<IActionResult> OnPostSimulateAsync(CancellationToken ct)
    {
        var outcome = await simulator.SimulateAsync(current.Id, Simulate.Phone, Simulate.Content, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "已模拟回复，沙箱通道几秒内送达，刷新本页即可看到";
            return Redirect("/console/replies");
        }
        ModelState.Clear();
        ModelState.AddOutcome(outcome, localizer, nameof(Simulate));
        await LoadAsync(null, null, ct);
        return Page();
    }

    private async Task LoadAsync(int? pageNumber, int? size, CancellationToken ct)
    {
        Replies = await replies.ForCustomerAsync(current.Id, Phone, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Replies, Request, "/console/replies");
        if (CanSimulate) Recipients = await simulator.RecentAsync(current.Id, ct);
    }
}

public sealed class SimulatedReplyInput
{
    public string? Phone { get; set; }
    public string? Content { get; set; }
}
