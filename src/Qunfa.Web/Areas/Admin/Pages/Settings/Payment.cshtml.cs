using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.GoLive;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.Web.Areas.Admin.Pages.Settings;

public sealed class PaymentModel(PaymentSettingsService payment, SandboxUseQuery sandbox, SecretProtector secrets) : PageModel
{
    public PaymentSettings? Settings { get; private set; }
    public string MaskedKey { get; private set; } = "";
    public string MaskedPrivateKey { get; private set; } = "";
    public SandboxNotice Sandbox { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Settings = await payment.GetAsync(ct);
        Sandbox = sandbox.ForPayment(Settings);
        MaskedKey = secrets.Mask(Settings?.ProtectedMd5Key ?? "");
        MaskedPrivateKey = secrets.Mask(Settings?.ProtectedAppPrivateKey ?? "");
    }
}
