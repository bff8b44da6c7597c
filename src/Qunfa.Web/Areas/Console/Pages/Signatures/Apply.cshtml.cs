using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Messaging.Signatures;
using Qunfa.Web.Features.Qualifications;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Signatures;

public sealed class ApplyModel(
    SignatureService signatures,
    QualificationService qualifications,
    CurrentCustomer current,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public SignatureInput Input { get; set; } = new();

    public bool HasApprovedQualification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        HasApprovedQualification = await qualifications.ApprovedForAsync(current.Id, ct) is not null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await signatures.ApplyAsync(current.Id, Input, ct) : Outcome.Fail("", "输入的值无效");
        if (outcome.Succeeded)
        {
            TempData["Saved"] = "签名已提交审核";
            return Redirect("/console/signatures");
        }
        ModelState.AddOutcome(outcome, localizer);
        HasApprovedQualification = await qualifications.ApprovedForAsync(current.Id, ct) is not null;
        return Page();
    }
}
