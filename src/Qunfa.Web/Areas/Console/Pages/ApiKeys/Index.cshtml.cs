using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Api;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.ApiKeys;

/// <summary>接口密钥: the customer's key pairs for its programs; a new secret is shown on the answer to its creation only.</summary>
public sealed class IndexModel(ApiKeyService keys, CurrentCustomer current, OperatorClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class CreateInput
    {
        public string? Name { get; set; }
    }

    public OperatorClock Clock => clock;
    [BindProperty] public CreateInput Input { get; set; } = new();
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public ApiKeyService.Issued? Issued { get; private set; }
    public string BaseUrl => $"{Request.Scheme}://{Request.Host}";

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.ListAsync(current.Id, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (issued, outcome) = await keys.CreateAsync(current.Id, Input.Name, ct, current.MemberId);
        if (outcome.Succeeded)
        {
            // The secret is in this answer only: nothing may keep a copy of it.
            Response.Headers.CacheControl = "no-store";
            Issued = issued;
            Input = new CreateInput();
            ModelState.Clear();
        }
        else
        {
            ModelState.AddOutcome(outcome, localizer);
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (!await keys.RevokeAsync(current.Id, id, ct)) return NotFound();
        TempData["Saved"] = "密钥已停用";
        return Redirect("/console/api-keys");
    }
}
