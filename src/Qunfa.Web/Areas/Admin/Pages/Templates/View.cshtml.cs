using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Templates;

/// <summary>查看: one template of any customer.</summary>
public sealed class ViewModel(
    OperatorClock clock,
    MessagingDirectory messaging) : PageModel
{
    public OperatorClock Clock => clock;
    public Template Template { get; private set; } = null!;
    /// <summary>Where 返回 leads: the customer's 查看模板 list when the page was opened from it, else 模板管理.</summary>
    public string BackUrl { get; private set; } = "/admin/templates";

    public async Task<IActionResult> OnGetAsync(int id, string? from, CancellationToken ct)
    {
        var template = await messaging.FindTemplateAsync(id, ct);
        if (template is null) return NotFound();
        Template = template;
        if (from == "customer") BackUrl = $"/admin/customers/templates?id={template.CustomerId}";
        return Page();
    }
}
