using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Members;

namespace Qunfa.Web.Pages.Account;

/// <summary>加入企业: an invited phone accepts with its code, its name and a password, and lands in the console as a 子账号.</summary>
public sealed class JoinModel(MemberAccountService members, IStringLocalizer<SharedResource> localizer) : AccountPageModel(localizer)
{
    [BindProperty]
    public JoinInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct) =>
        AfterCodeSent(await members.SendJoinCodeAsync(Input.Phone, ct), Input.Phone);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await members.JoinAsync(Input, ct);
        if (!outcome.Succeeded) return Refused(outcome);
        return Redirect("/console");
    }
}
