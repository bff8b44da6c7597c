using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Signatures;

/// <summary>查看: one signature of any customer.</summary>
public sealed class ViewModel(
    OperatorClock clock,
    MessagingDirectory messaging) : PageModel
{
    public OperatorClock Clock => clock;
    public Signature Signature { get; private set; } = null!;
    /// <summary>Where 返回 leads: the customer's 查看签名 list when the page was opened from it, else 签名管理.</summary>
    public string BackUrl { get; private set; } = "/admin/signatures";

    public async Task<IActionResult> OnGetAsync(int id, string? from, CancellationToken ct)
    {
        var signature = await messaging.FindSignatureAsync(id, ct);
        if (signature is null) return NotFound();
        Signature = signature;
        if (from == "customer") BackUrl = $"/admin/customers/signatures?id={signature.CustomerId}";
        return Page();
    }
}
