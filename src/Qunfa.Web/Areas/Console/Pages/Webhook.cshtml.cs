using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Webhooks;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Webhooks;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages;

/// <summary>回调设置: where delivery results and replies are posted, the signing secret, and the recent deliveries.</summary>
public sealed class WebhookModel(WebhookSettings webhooks, CurrentCustomer current, OperatorClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const string NewSecretKey = "WebhookSecret";

    public sealed class UrlInput
    {
        public string? Url { get; set; }
    }

    public OperatorClock Clock => clock;
    [BindProperty] public UrlInput Input { get; set; } = new();
    public WebhookEndpoint? Endpoint { get; private set; }
    public string MaskedSecret { get; private set; } = "";
    /// <summary>The secret in full, only on the page right after it was made.</summary>
    public string? NewSecret { get; private set; }
    public PagedList<WebhookDelivery> Deliveries { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        await LoadAsync(pageNumber, size, ct);
        Input.Url ??= Endpoint?.Url;
        NewSecret = TempData[NewSecretKey] as string;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (outcome, secret) = await webhooks.SaveUrlAsync(current.Id, Input.Url, ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, localizer);
            await LoadAsync(null, null, ct);
            return Page();
        }
        TempData["Saved"] = WebhookMessages.Saved;
        if (secret is not null) TempData[NewSecretKey] = secret;
        return Redirect("/console/webhook");
    }

    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken ct)
    {
        var secret = await webhooks.RegenerateSecretAsync(current.Id, ct);
        if (secret is null)
        {
            ModelState.AddModelError("", localizer[WebhookMessages.NoEndpoint]);
            await LoadAsync(null, null, ct);
            return Page();
        }
        TempData["Saved"] = WebhookMessages.SecretRegenerated;
        TempData[NewSecretKey] = secret;
        return Redirect("/console/webhook");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (!await webhooks.RemoveAsync(current.Id, ct))
        {
            ModelState.AddModelError("", localizer[WebhookMessages.NoEndpoint]);
            await LoadAsync(null, null, ct);
            return Page();
        }
        TempData["Saved"] = WebhookMessages.Removed;
        return Redirect("/console/webhook");
    }

    private async Task LoadAsync(int? pageNumber, int? size, CancellationToken ct)
    {
        Endpoint = await webhooks.GetAsync(current.Id, ct);
        MaskedSecret = Endpoint is null ? "" : webhooks.MaskedSecret(Endpoint);
        Deliveries = await webhooks.DeliveriesAsync(current.Id, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Deliveries, Request, "/console/webhook");
    }
}
