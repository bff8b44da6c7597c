using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Features.Setup;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.Web.Pages.Setup;

/// <summary>Step 1, with the 安装码: tries at the code are limited per IP like admin logins.</summary>
[EnableRateLimiting(RateLimits.AdminLogins)]
public sealed class LicenseModel(SetupService setup, IStringLocalizer<SharedResource> localizer) : SetupPageModel(setup, localizer)
{
    public override WizardStep PageStep => WizardStep.License;

    [BindProperty]
    public LicenseInput Input { get; set; } = new();

    /// <summary>This browser gave the 安装码 already: the field is not asked again, and what was entered may be shown.</summary>
    public bool CodeGiven => Setup.HasAccess(Installation);

    public void OnGet() => Input = !CodeGiven ? new LicenseInput() : new LicenseInput
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
