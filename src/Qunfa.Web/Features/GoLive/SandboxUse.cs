using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.Settings;

namespace Qunfa.Web.Features.GoLive;

/// <summary>Which of the two outside parts (SMS carrier, Alipay) are not yet the operator's real ones.</summary>
public sealed record SandboxUse(bool CarrierIsSandbox, bool CarrierMissing, bool PaymentIsSandbox, bool PaymentMissing)
{
    /// <summary>Both parts real: messages reach phones, and only Alipay can say an order was paid.</summary>
    public bool IsLive => !CarrierIsSandbox && !CarrierMissing && !PaymentIsSandbox && !PaymentMissing;
}

/// <summary>Reads <see cref="SandboxUse"/> from AK 管理 and 支付配置 as saved (every node sees the same).</summary>
public sealed class SandboxUseQuery(QunfaDbContext db, PaymentSettingsService payments)
{
    public async Task<SandboxUse> LoadAsync(CancellationToken ct)
    {
        var carrier = await db.CarrierAccounts.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
        var payment = await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PaymentSettings.SingletonId, ct);
        return new SandboxUse(
            carrier?.Carrier == CarrierKind.Sandbox,
            carrier is null,
            payment is not null && payments.UsesSandbox(payment),
            payment is null);
    }
}
