using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Features.Setup;

namespace Qunfa.Web.Pages.Setup;

public sealed class PortalModel(SetupService setup, PortalProfileService portal, IStringLocalizer<SharedResource> localizer)
    : SetupPageModel(setup, localizer)
{
    public override WizardStep PageStep => WizardStep.Portal;

    [BindProperty]
    public PortalProfileInput Input { get; set; } = new();

    public bool HasLogo { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var profile = await portal.GetAsync(ct);
        HasLogo = profile.Logo is not null;
        Input = PortalProfileInput.From(profile);
        if (string.IsNullOrEmpty(Input.CompanyName)) Input.CompanyName = Installation.CompanyName;
        if (string.IsNullOrEmpty(Input.Email)) Input.Email = Installation.Email;
        if (string.IsNullOrEmpty(Input.Phone)) Input.Phone = Installation.Phone;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await SubmitAsync(() => Setup.SubmitPortalAsync(Input, ct), WizardStep.Done);
        HasLogo = (await portal.GetAsync(ct)).Logo is not null;
        return result;
    }
}
