using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Features.Setup;

namespace Qunfa.Web.Pages.Setup;

public sealed class AdminModel(SetupService setup, IStringLocalizer<SharedResource> localizer) : SetupPageModel(setup, localizer)
{
    public override WizardStep PageStep => WizardStep.AdminAccount;

    [BindProperty]
    public AdminAccountInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SubmitAsync(() => Setup.SubmitAdminAccountAsync(Input, ct), WizardStep.SystemInfo);
}
