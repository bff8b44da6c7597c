using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Payments;

public enum PaymentOutcome
{
    /// <summary>The order became 已支付 and got its grant now.</summary>
    Applied,
    /// <summary>The order was already paid by this trade: nothing changed.</summary>
    AlreadyPaid,
    /// <summary>The order was already paid by another trade: nothing changed, the second payment needs a refund.</summary>
    PaidByAnotherTrade,
    UnknownOrder,
    AmountMismatch,
    SellerMismatch,
    /// <summary>The order was made for the other gateway (real Alipay vs the sandbox): nothing changed.</summary>
    GatewayMismatch,
}

/// <summary>What Alipay says was paid, from a verified notification or a trade query.</summary>
public sealed record PaidTrade(string OrderNumber, string TradeNo, long TotalFen, string? SellerId, DateTimeOffset? PaidAt, string Source);

/// <summary>
/// The one payment path (notifications, the voiding worker's trade query): checks gateway, seller and amount against the
/// order, then in one transaction marks it 已支付 and creates its single 购买 grant. Idempotent: the conditional update lets
/// one caller through, the unique index on PackageGrants.OrderId stops any second grant. <paramref name="gateway"/> is the
/// gateway whose keys verified the payment (支付配置's current one): the sandbox's keys are public, so a sandbox-verified
/// payment may only ever pay an order made for the sandbox, and a real one only an order made for real Alipay.
/// </summary>
public sealed class PaymentApplier(QunfaDbContext db, OperatorClock clock, ILogger<PaymentApplier> logger)
{
    public async Task<PaymentOutcome> ApplyAsync(PaidTrade trade, string? expectedSellerId, CarrierKind gateway, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderNumber == trade.OrderNumber, ct);
        if (order is null) return Refuse(PaymentOutcome.UnknownOrder, trade, null);
        if (order.Gateway != gateway) return Refuse(PaymentOutcome.GatewayMismatch, trade, order);
        if (expectedSellerId is not null && !string.Equals(trade.SellerId, expectedSellerId, StringComparison.Ordinal))
            return Refuse(PaymentOutcome.SellerMismatch, trade, order);
        if (order.Status == OrderStatus.Paid) return Settled(order, trade);
        if (trade.TotalFen != order.AmountFen) return Refuse(PaymentOutcome.AmountMismatch, trade, order);

        // Alipay's gmt_payment when it is plausible (not before the order, not in the future), else now.
        var paidAt = trade.PaidAt is { } at && at <= clock.UtcNow.AddMinutes(5) && at >= order.CreatedAt ? at.ToUniversalTime() : clock.UtcNow;
        var expiresOn = DateOnly.FromDateTime(clock.ToLocal(paidAt).DateTime).AddMonths(order.ValidityMonths);
        var now = clock.UtcNow;
        var strategy = db.Database.CreateExecutionStrategy();
        var applied = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                // Unpaid, or voided while the buyer was still at the cashier: the money arrived, so the order is paid.
                var changed = await db.Orders
                    .Where(o => o.Id == order.Id && o.Status != OrderStatus.Paid && o.AmountFen == trade.TotalFen && o.Gateway == gateway)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(o => o.Status, OrderStatus.Paid)
                        .SetProperty(o => o.TradeNo, trade.TradeNo)
                        .SetProperty(o => o.PaidAt, paidAt)
                        .SetProperty(o => o.VoidedAt, (DateTimeOffset?)null)
                        .SetProperty(o => o.NextPaymentCheckAt, (DateTimeOffset?)null), ct);
                if (changed == 0)
                {
                    await tx.RollbackAsync(ct);
                    return false;
                }
                db.PackageGrants.Add(new PackageGrant
                {
                    CustomerId = order.CustomerId,
                    Category = order.Category,
                    Size = order.Size,
                    Used = 0,
                    ExpiresOn = expiresOn,
                    Status = GrantStatus.Active,
                    Source = GrantSource.Purchased,
                    OrderId = order.Id,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return true;
            }
            catch (DbUpdateException ex)
            {
                // Another caller granted this order between our update and insert: the unique index held.
                logger.LogInformation(ex, "Order {Order} already has its grant", order.OrderNumber);
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return false;
            }
        });
        if (applied)
        {
            logger.LogInformation("Order {Order} paid by trade {Trade} ({Source})", order.OrderNumber, trade.TradeNo, trade.Source);
            return PaymentOutcome.Applied;
        }

        var now2 = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == order.Id, ct);
        if (now2 is null) return Refuse(PaymentOutcome.UnknownOrder, trade, null);
        if (now2.Status == OrderStatus.Paid) return Settled(now2, trade);
        // Not paid and not updated: the price changed (改价) in between.
        return Refuse(PaymentOutcome.AmountMismatch, trade, now2);
    }

    /// <summary>Whether the order is already paid by exactly this trade (a repeat notification may then be acknowledged).</summary>
    public async Task<bool> CheckSettledAsync(string orderNumber, string tradeNo, CarrierKind gateway, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderNumber == orderNumber, ct);
        return order is { Status: OrderStatus.Paid } && order.Gateway == gateway && string.Equals(order.TradeNo, tradeNo, StringComparison.Ordinal);
    }

    /// <summary>Whether a notification names one of our orders made for this gateway and (when one is configured) our seller.</summary>
    public async Task<bool> IsOursAsync(string orderNumber, string? sellerId, string? expectedSellerId, CarrierKind gateway, CancellationToken ct) =>
        (expectedSellerId is null || string.Equals(sellerId, expectedSellerId, StringComparison.Ordinal))
        && await db.Orders.AnyAsync(o => o.OrderNumber == orderNumber && o.Gateway == gateway, ct);

    private PaymentOutcome Settled(Order order, PaidTrade trade)
    {
        if (string.Equals(order.TradeNo, trade.TradeNo, StringComparison.Ordinal)) return PaymentOutcome.AlreadyPaid;
        logger.LogError("Order {Order} was paid by trade {Paid}; trade {Other} paid it again ({Source}) and needs a refund",
            order.OrderNumber, order.TradeNo, trade.TradeNo, trade.Source);
        return PaymentOutcome.PaidByAnotherTrade;
    }

    private PaymentOutcome Refuse(PaymentOutcome outcome, PaidTrade trade, Order? order)
    {
        logger.LogWarning("Payment for order {Order} refused ({Outcome}, {Source}): trade {Trade}, amount {Amount} fen (order {OrderAmount}), seller {Seller}, order made for {Gateway}",
            trade.OrderNumber, outcome, trade.Source, trade.TradeNo, trade.TotalFen, order?.AmountFen, trade.SellerId, order?.Gateway);
        return outcome;
    }
}
