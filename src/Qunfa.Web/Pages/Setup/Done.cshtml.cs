using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Features.Setup;

namespace Qunfa.Web.Pages.Setup;

public sealed class DoneModel(SetupService setup, IStringLocalizer<SharedResource> localizer) : SetupPageModel(setup, localizer)
{
    public override WizardStep PageStep => WizardStep.Done;

    public void OnGet()
    {
    }
}
