using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Features.Setup;

namespace Qunfa.Web.Pages.Setup;

public sealed class SystemModel(SetupService setup, CarrierAccountService carrier, IStringLocalizer<SharedResource> localizer)
    : SetupPageModel(setup, localizer)
{
    public override WizardStep PageStep => WizardStep.SystemInfo;

    [BindProperty]
    public CarrierAccountInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Going back to this step shows what was saved; the secret is never sent back to the browser.
        if (await carrier.GetAsync(ct) is { } saved) Input = CarrierAccountInput.From(saved);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SubmitAsync(() => Setup.SubmitSystemInfoAsync(Input, ct), WizardStep.Portal);
}
