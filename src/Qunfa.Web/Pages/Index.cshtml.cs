using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.Settings;

namespace Qunfa.Web.Pages;

public sealed class IndexModel(PortalProfileService portal) : PageModel
{
    public string CompanyName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => CompanyName = (await portal.GetAsync(ct)).CompanyName;
}
