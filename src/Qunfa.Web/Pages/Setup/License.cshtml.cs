using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Features.Setup;

namespace Qunfa.Web.Pages.Setup;

public sealed class LicenseModel(SetupService setup, IStringLocalizer<SharedResource> localizer) : SetupPageModel(setup, localizer)
{
    public override WizardStep PageStep => WizardStep.License;

    [BindProperty]
    public LicenseInput Input { get; set; } = new();

    public void OnGet() => Input = new LicenseInput
    {
        Name = Installation.LicenseeName,
        CompanyName = Installation.CompanyName,
        Email = Installation.Email,
        Phone = Installation.Phone,
        PurchaseInfo = Installation.PurchaseInfo,
    };

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SubmitAsync(() => Setup.SubmitLicenseAsync(Input, ct), WizardStep.AdminAccount);
}
