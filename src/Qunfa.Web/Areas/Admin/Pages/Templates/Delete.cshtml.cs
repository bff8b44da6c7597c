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

namespace Qunfa.Web.Areas.Admin.Pages.Templates;

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
    public Template Template { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var template = await messaging.FindTemplateAsync(id, ct);
        if (template is null) return NotFound();
        Template = template;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var template = await messaging.TemplateForRemovalAsync(id, ct);
        if (template is null) return NotFound();
        var customerId = template.CustomerId;
        var detail = $"{template.TemplateCode ?? template.Name} (#{template.Id}, customer {customerId}, {template.Origin})";
        var outcome = await removal.DeleteAsync(template, byAdmin: true, ct);
        await adminLog.WriteAsync(AdminAction.DeleteTemplate, outcome.Succeeded, detail: detail, ct: ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "删除成功";
            return Redirect($"/admin/customers/templates?id={customerId}");
        }
        ModelState.AddOutcome(outcome, localizer);
        db.ChangeTracker.Clear();
        Template = (await messaging.FindTemplateAsync(id, ct))!;
        return Page();
    }
}
