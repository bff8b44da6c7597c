using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Admin.Pages.Signatures;

/// <summary>
/// 彻底删除, confirmed on this page: one the customer applied for is deleted at the carrier as well;
/// one the admin assigned is only taken from this customer (see <see cref="MessagingRemoval"/>).
/// </summary>
public sealed class DeleteModel(
    QunfaDbContext db,
    MessagingRemoval removal,
    AdminLogWriter adminLog,
    OperatorClock clock,
    IStringLocalizer<SharedResource> localizer,
    MessagingDirectory messaging) : PageModel
{
    public OperatorClock Clock => clock;
    public Signature Signature { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var signature = await messaging.FindSignatureAsync(id, ct);
        if (signature is null) return NotFound();
        Signature = signature;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var signature = await messaging.SignatureForRemovalAsync(id, ct);
        if (signature is null) return NotFound();
        var customerId = signature.CustomerId;
        var detail = $"{signature.Name} (#{signature.Id}, customer {customerId}, {signature.Origin})";
        var outcome = await removal.DeleteAsync(signature, byAdmin: true, ct);
        await adminLog.WriteAsync(AdminAction.DeleteSignature, outcome.Succeeded, detail: detail, ct: ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "删除成功";
            return Redirect($"/admin/customers/signatures?id={customerId}");
        }
        ModelState.AddOutcome(outcome, localizer);
        db.ChangeTracker.Clear();
        Signature = (await messaging.FindSignatureAsync(id, ct))!;
        return Page();
    }
}
