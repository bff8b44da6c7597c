using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Settings;

public sealed class CarrierEditModel(
    CarrierAccountService carrier,
    SecretProtector secrets,
    AdminLogWriter adminLog,
    CarrierState carrierState,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public CarrierAccountInput Input { get; set; } = new();

    public string MaskedSecret { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var account = await carrier.GetAsync(ct);
        if (account is null) return NotFound();
        Input = CarrierAccountInput.From(account);
        MaskedSecret = secrets.Mask(account.ProtectedAccessKeySecret);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await adminLog.CommitAsync(await carrier.StageAsync(Input, ct), AdminAction.UpdateCarrierAccount, ModelState.IsValid, ct);
        if (outcome.Succeeded)
        {
            await carrierState.RefreshAsync(ct);
            TempData["Saved"] = "保存成功";
            return Redirect("/admin/settings/carrier");
        }
        ModelState.AddOutcome(outcome, localizer);
        Input.AccessKeySecret = null;
        MaskedSecret = secrets.Mask((await carrier.GetAsync(ct))?.ProtectedAccessKeySecret ?? "");
        return Page();
    }
}
