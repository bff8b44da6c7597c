using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Settings;

public sealed class ProfileModel(PortalProfileService portal, AdminLogWriter adminLog, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public PortalProfileInput Input { get; set; } = new();

    public bool HasLogo { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var profile = await portal.GetAsync(ct);
        Input = PortalProfileInput.From(profile);
        HasLogo = profile.Logo is not null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await adminLog.CommitAsync(await portal.StageAsync(Input, logoRequired: true, ct), AdminAction.UpdatePortalProfile, ModelState.IsValid, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "保存成功";
            return RedirectToPage();
        }
        ModelState.AddOutcome(outcome, localizer);
        HasLogo = (await portal.GetAsync(ct)).Logo is not null;
        return Page();
    }
}
