using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Alipay.Common;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Payments;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;
using Qunfa.Web.Workers;

namespace Qunfa.Web.Features.Orders;

/// <summary>The customer's side of orders: buy (create), list, pay, cancel. Every query is scoped to the customer.</summary>
public sealed class OrderService(
    QunfaDbContext db,
    PaymentGateway gateway,
    OperatorClock clock,
    IOptions<OrderVoidingOptions> voiding,
    ILogger<OrderService> logger)
{
    public const string NotPayableMessage = "平台尚未配置支付宝支付，暂时无法购买，请联系平台管理员";
    public const string OtherGatewayMessage = "平台的支付方式已变更，此订单已不能支付，请重新购买";
    private const int NumberAttempts = 5;

    /// <summary>Copies the product's terms into a new 未支付 order.</summary>
    public async Task<(Outcome Outcome, Order? Order)> CreateAsync(int customerId, int productId, CancellationToken ct)
    {
        var product = await db.PackageProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
        // A product not recommended is off sale: the buy page does not show it, so an order for it is refused too.
        if (product is null || !product.Recommended) return (Outcome.Fail("", "短信包不存在或已下架"), null);
        if (product.PriceFen is < AlipayMoney.MinFen or > AlipayMoney.MaxFen || product.Size <= 0 || product.ValidityMonths <= 0)
            return (Outcome.Fail("", "该短信包暂不可购买"), null);
        var snapshot = await gateway.RefreshAsync(ct);
        if (!snapshot.CanPay) return (Outcome.Fail("", NotPayableMessage), null);

        var now = clock.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            var order = new Order
            {
                OrderNumber = OrderNumbers.New(clock.ToLocal(now)),
                CustomerId = customerId,
                ProductId = product.Id,
                ProductName = product.Name,
                Category = product.Category,
                Size = product.Size,
                ValidityMonths = product.ValidityMonths,
                GoodsAmountFen = product.PriceFen,
                AmountFen = product.PriceFen,
                Status = OrderStatus.Unpaid,
                Protocol = snapshot.Protocol,
                Gateway = snapshot.Gateway,
                CreatedAt = now,
                NextPaymentCheckAt = now + voiding.Value.VoidAfter,
            };
            db.Orders.Add(order);
            try
            {
                await db.SaveChangesAsync(ct);
                return (Outcome.Ok(), order);
            }
            catch (DbUpdateException ex) when (attempt < NumberAttempts)
            {
                // The random part collided with an existing number (unique index): draw again.
                logger.LogWarning(ex, "Order number {Number} collided, drawing another", order.OrderNumber);
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task<Order?> FindAsync(int customerId, string? orderNumber, CancellationToken ct) =>
        string.IsNullOrEmpty(orderNumber) || orderNumber.Length != OrderNumbers.Length
            ? Task.FromResult<Order?>(null)
            : db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderNumber == orderNumber && o.CustomerId == customerId, ct);

    public async Task<PagedList<Order>> ListAsync(int customerId, OrderStatus? status, PageRequest page, CancellationToken ct)
    {
        var query = db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId);
        if (status is { } s) query = query.Where(o => o.Status == s);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<Order>(items, total, page);
    }

    /// <summary>
    /// The signed request that takes the buyer to Alipay's cashier, or a message. The trade closes at Alipay before the
    /// worker would void the order, so no payment can arrive for an order after it was voided by time.
    /// </summary>
    public async Task<(Outcome Outcome, PaymentForm? Form)> PayAsync(Order order, CancellationToken ct)
    {
        if (order.Status != OrderStatus.Unpaid) return (Outcome.Fail("", order.Status == OrderStatus.Paid ? "订单已支付" : "订单已作废，请重新购买"), null);
        var snapshot = await gateway.RefreshAsync(ct);
        if (!snapshot.CanPay) return (Outcome.Fail("", NotPayableMessage), null);
        // Made for the sandbox and now live (or the reverse): its payment would be refused, so the buyer is not sent to pay.
        if (order.Gateway != snapshot.Gateway) return (Outcome.Fail("", OtherGatewayMessage), null);
        var deadline = (order.NextPaymentCheckAt ?? order.CreatedAt + voiding.Value.VoidAfter) - voiding.Value.PayMargin;
        var left = deadline - clock.UtcNow;
        if (left < TimeSpan.FromMinutes(1)) return (Outcome.Fail("", "订单即将超时作废，请重新购买"), null);
        if (order.Protocol != snapshot.Protocol)
        {
            // 支付配置 switched protocols since the order was made: it is paid (and later queried) with the current one.
            await db.Orders.Where(o => o.Id == order.Id && o.Status == OrderStatus.Unpaid)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Protocol, snapshot.Protocol), ct);
            order.Protocol = snapshot.Protocol;
        }
        try
        {
            return (Outcome.Ok(), gateway.CreatePayment(snapshot, order, left > TimeSpan.FromDays(15) ? TimeSpan.FromDays(15) : left));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            logger.LogError(ex, "Cannot build the Alipay request for order {Order}", order.OrderNumber);
            return (Outcome.Fail("", "支付配置有误，暂时无法支付，请联系平台管理员"), null);
        }
    }

    /// <summary>取消订单: voids the customer's own unpaid order (RSA2: the trade is closed at Alipay as well, best effort).</summary>
    public async Task<Outcome> CancelAsync(int customerId, string? orderNumber, CancellationToken ct)
    {
        var order = await FindAsync(customerId, orderNumber, ct);
        if (order is null) return Outcome.Fail("", "订单不存在");
        var changed = await db.Orders.Where(o => o.Id == order.Id && o.Status == OrderStatus.Unpaid)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, OrderStatus.Void)
                .SetProperty(o => o.VoidedAt, clock.UtcNow)
                .SetProperty(o => o.NextPaymentCheckAt, (DateTimeOffset?)null), ct);
        if (changed == 0) return Outcome.Fail("", "只有未支付的订单可以取消");
        try
        {
            var snapshot = await gateway.RefreshAsync(ct);
            if (order.Protocol == PaymentProtocol.Rsa2 && order.Gateway == snapshot.Gateway && gateway.CanQuery(snapshot, order.Protocol))
                await gateway.CloseAsync(order, ct);
        }
        catch (Exception ex) when (ex is AlipayException or InvalidOperationException)
        {
            // A payment that still arrives is applied anyway (the money is real); closing only prevents it.
            logger.LogWarning(ex, "Could not close the Alipay trade of cancelled order {Order}", order.OrderNumber);
        }
        return Outcome.Ok();
    }
}
