using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Settings;

public sealed class CarrierModel(CarrierAccountService carrier, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    public List<CarrierAccount> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await carrier.ListAsync(ct);
}
