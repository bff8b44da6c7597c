using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Alipay.Common;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.Payments;
using Qunfa.Web.Infrastructure.Cluster;

namespace Qunfa.Web.Workers;

/// <summary>
/// Voids unpaid orders older than <see cref="OrderVoidingOptions.VoidAfter"/>, but asks Alipay first
/// (single_trade_query / alipay.trade.query): an order paid at Alipay whose notification never arrived is applied
/// through the same payment path as a notification; otherwise it is voided (RSA2: the trade is closed first).
/// Every change is a conditional update, and the rounds run on one node of a cluster at a time (<see cref="ClusterLock"/>)
/// so Alipay is not asked twice about the same order.
/// </summary>
public sealed class OrderVoidingWorker(
    IServiceScopeFactory scopes,
    IOptions<OrderVoidingOptions> options,
    DatabaseReadiness readiness,
    ClusterLock cluster,
    TimeProvider time,
    ILogger<OrderVoidingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (readiness.IsReady) await cluster.RunAloneAsync("order-voiding", RunOnceAsync, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Order voiding round failed");
            }
            try
            {
                await Task.Delay(options.Value.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round over the due orders; returns how many were voided and how many found paid.</summary>
    public async Task<(int Voided, int Paid)> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var cutoff = now - o.VoidAfter;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        var due = await db.Orders.AsNoTracking()
            .Where(x => x.Status == OrderStatus.Unpaid && x.CreatedAt <= cutoff && (x.NextPaymentCheckAt == null || x.NextPaymentCheckAt <= now))
            .OrderBy(x => x.CreatedAt).ThenBy(x => x.Id)
            .Take(o.BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0) return (0, 0);

        var gateway = scope.ServiceProvider.GetRequiredService<PaymentGateway>();
        var applier = scope.ServiceProvider.GetRequiredService<PaymentApplier>();
        var snapshot = await gateway.RefreshAsync(ct);
        int voided = 0, paid = 0;
        foreach (var order in due)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (order.Gateway != snapshot.Gateway)
                {
                    if (order.Gateway == CarrierKind.Sandbox)
                    {
                        // Gone live since: the sandbox is no longer asked, and no real money can have paid a sandbox order.
                        voided += await VoidAsync(db, order, now, ct);
                        continue;
                    }
                    // A real order while 支付配置 is on the sandbox: only real Alipay knows whether it was paid; wait for it.
                    await PostponeAsync(db, order, now + o.RetryDelay, ct);
                    logger.LogWarning("Order {Order} is due for voiding but was made for Alipay while the payment settings use the sandbox", order.OrderNumber);
                    continue;
                }
                if (!gateway.CanQuery(snapshot, order.Protocol))
                {
                    await PostponeAsync(db, order, now + o.RetryDelay, ct);
                    logger.LogWarning("Order {Order} is due for voiding but the payment settings cannot query its {Protocol} trade", order.OrderNumber, order.Protocol);
                    continue;
                }
                var trade = await gateway.QueryAsync(order, ct);
                if (trade.IsPaid)
                {
                    var outcome = await applier.ApplyAsync(
                        new PaidTrade(order.OrderNumber, trade.TradeNo ?? "", trade.TotalFen ?? -1, trade.SellerId ?? snapshot.ExpectedSellerId, trade.PaidAt, "trade query"),
                        snapshot.ExpectedSellerId, snapshot.Gateway, ct);
                    if (outcome is PaymentOutcome.Applied or PaymentOutcome.AlreadyPaid) paid++;
                    else await PostponeAsync(db, order, now + o.RetryDelay, ct); // paid at Alipay but not as ordered: never void it silently
                    continue;
                }
                if (trade.Found && trade.Status == AlipayTradeStatus.WaitBuyerPay)
                {
                    var closed = await gateway.CloseAsync(order, ct);
                    if (closed is { Closed: false, ErrorCode: "ACQ.TRADE_STATUS_ERROR" })
                    {
                        // Paid in the meantime: the next round finds it paid.
                        await PostponeAsync(db, order, now, ct);
                        continue;
                    }
                }
                voided += await VoidAsync(db, order, now, ct);
            }
            catch (AlipayException ex)
            {
                logger.LogWarning(ex, "Alipay could not answer about order {Order}; asking again later", order.OrderNumber);
                await PostponeAsync(db, order, now + o.RetryDelay, ct);
            }
        }
        if (voided + paid > 0) logger.LogInformation("Order voiding: {Voided} voided, {Paid} found paid", voided, paid);
        return (voided, paid);
    }

    private static Task<int> VoidAsync(QunfaDbContext db, Order order, DateTimeOffset now, CancellationToken ct) =>
        db.Orders.Where(x => x.Id == order.Id && x.Status == OrderStatus.Unpaid)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, OrderStatus.Void)
                .SetProperty(x => x.VoidedAt, now)
                .SetProperty(x => x.NextPaymentCheckAt, (DateTimeOffset?)null), ct);

    private static Task<int> PostponeAsync(QunfaDbContext db, Order order, DateTimeOffset next, CancellationToken ct) =>
        db.Orders.Where(x => x.Id == order.Id && x.Status == OrderStatus.Unpaid)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextPaymentCheckAt, next), ct);
}
