using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.Setup;

namespace Qunfa.Web.Pages.Setup;

/// <summary>Resumes the wizard at the step it waits on.</summary>
public sealed class IndexModel(SetupService setup) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        Redirect(SetupPageModel.UrlOf((await setup.GetAsync(ct)).Step));
}
