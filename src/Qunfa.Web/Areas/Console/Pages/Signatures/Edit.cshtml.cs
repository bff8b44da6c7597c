using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Messaging.Signatures;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Signatures;

public sealed class EditModel(SignatureService signatures, CurrentCustomer current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public SignatureInput Input { get; set; } = new();

    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var signature = await signatures.FindAsync(current.Id, id, ct);
        if (signature is null) return NotFound();
        Input = SignatureInput.From(signature);
        Reason = signature.Reason;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var signature = await signatures.FindAsync(current.Id, id, ct);
        if (signature is null) return NotFound();
        var outcome = ModelState.IsValid ? await signatures.EditRejectedAsync(current.Id, id, Input, ct) : Outcome.Fail("", "输入的值无效");
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "签名已重新提交审核";
            return Redirect("/console/signatures");
        }
        ModelState.AddOutcome(outcome, localizer);
        Input.Name = signature.Name;
        Reason = signature.Reason;
        return Page();
    }
}
