using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.Web.Areas.Admin.Pages.Settings;

public sealed class CarrierViewModel(CarrierAccountService carrier, SecretProtector secrets) : PageModel
{
    public CarrierAccount Account { get; private set; } = null!;
    public string MaskedSecret { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var account = (await carrier.ListAsync(ct)).FirstOrDefault(a => a.Id == id);
        if (account is null) return NotFound();
        Account = account;
        MaskedSecret = secrets.Mask(account.ProtectedAccessKeySecret);
        return Page();
    }
}
