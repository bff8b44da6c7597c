using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.Settings;

namespace Qunfa.Web.Features.GoLive;

/// <summary>Which of the two outside parts (SMS carrier, Alipay) are not yet the operator's real ones.</summary>
public sealed record SandboxUse(bool CarrierIsSandbox, bool CarrierMissing, bool PaymentIsSandbox, bool PaymentMissing);

/// <summary>Reads <see cref="SandboxUse"/> from AK 管理 and 支付配置 as saved (every node sees the same).</summary>
public sealed class SandboxUseQuery(QunfaDbContext db, PaymentSettingsService payments)
{
    /// <summary>首页's box: both parts, read here.</summary>
    public async Task<SandboxNotice> BothAsync(CancellationToken ct)
    {
        var carrier = await db.CarrierAccounts.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
        var payment = await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PaymentSettings.SingletonId, ct);
        return new SandboxNotice(Use(carrier, payment), Carrier: true, Payment: true);
    }

    /// <summary>AK 管理's box, from the accounts the page has read.</summary>
    public SandboxNotice ForCarrier(CarrierAccount? carrier) => new(Use(carrier, null), Carrier: true, Payment: false);

    /// <summary>支付配置's box, from the settings the page has read.</summary>
    public SandboxNotice ForPayment(PaymentSettings? payment) => new(Use(null, payment), Carrier: false, Payment: true);

    private SandboxUse Use(CarrierAccount? carrier, PaymentSettings? payment) => new(
        carrier?.Carrier == CarrierKind.Sandbox,
        carrier is null,
        payment is not null && payments.UsesSandbox(payment),
        payment is null);
}
