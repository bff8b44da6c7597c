using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Payments;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Settings;

public sealed class PaymentEditModel(
    PaymentSettingsService payment,
    PaymentSettingsState paymentState,
    SecretProtector secrets,
    AdminLogWriter adminLog,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public PaymentSettingsInput Input { get; set; } = new();

    public string MaskedKey { get; private set; } = "";
    public string MaskedPrivateKey { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await payment.GetAsync(ct);
        if (settings is not null) Input = PaymentSettingsInput.From(settings);
        MaskedKey = secrets.Mask(settings?.ProtectedMd5Key ?? "");
        MaskedPrivateKey = secrets.Mask(settings?.ProtectedAppPrivateKey ?? "");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await adminLog.CommitAsync(await payment.StageAsync(Input, ct), AdminAction.UpdatePaymentSettings, ModelState.IsValid, ct);
        if (outcome.Succeeded)
        {
            await paymentState.RefreshAsync(ct);
            TempData["Saved"] = "保存成功";
            return Redirect("/admin/settings/payment");
        }
        ModelState.AddOutcome(outcome, localizer);
        Input.Md5Key = null;
        Input.AppPrivateKey = null;
        var settings = await payment.GetAsync(ct);
        MaskedKey = secrets.Mask(settings?.ProtectedMd5Key ?? "");
        MaskedPrivateKey = secrets.Mask(settings?.ProtectedAppPrivateKey ?? "");
        return Page();
    }
}
