using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunfa.Alipay.Common;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Orders;

/// <summary>订单管理's filters: order number (contains), status, and a range of the operator's days (inclusive); a refused range lists and exports nothing.</summary>
public sealed record OrderFilter(string? OrderNumber, OrderStatus? Status, DayRange Days)
{
    public DateOnly? From => Days.From;
    public DateOnly? To => Days.To;

    public static OrderFilter Parse(string? q, string? status, string? from, string? to) => new(
        string.IsNullOrWhiteSpace(q) ? null : q.Trim().ToLowerInvariant()[..Math.Min(q.Trim().Length, OrderNumbers.Length)],
        OrderLabels.ParseStatus(status),
        DayRange.Parse(from, to));
}

/// <summary>One line of 订单管理 (and of the export).</summary>
public sealed record OrderRow(
    int Id, string OrderNumber, string CompanyName, string Email, string ContactName, string Phone,
    SmsCategory Category, int Size, int ValidityMonths, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt,
    OrderStatus Status, long GoodsAmountFen, long AmountFen, string? TradeNo);

/// <summary>The admin's side of orders: list, export, 改价, 删除订单.</summary>
public sealed class AdminOrders(QunfaDbContext db, OperatorClock clock, AdminLogWriter adminLog, TimeProvider time)
{
    public const int PurgeAgeDays = 30;

    public async Task<PagedList<OrderRow>> ListAsync(OrderFilter filter, PageRequest page, CancellationToken ct)
    {
        if (!filter.Days.IsValid) return new PagedList<OrderRow>([], 0, page);
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var items = await Rows(query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id))
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<OrderRow>(items, total, page);
    }

    /// <summary>Every matching row, newest first, read from the database as the file is written (never all at once).</summary>
    public IEnumerable<OrderRow> Stream(OrderFilter filter) =>
        Rows(Filtered(filter).OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)).AsEnumerable();

    public Task<Order?> FindAsync(int id, CancellationToken ct) =>
        db.Orders.AsNoTracking().Include(o => o.Customer).FirstOrDefaultAsync(o => o.Id == id, ct);

    /// <summary>改价: only an unpaid order, to a price above zero with at most two decimals. Logged either way.</summary>
    public async Task<Outcome> ChangePriceAsync(int id, string? price, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        var o = new Outcome();
        if (order is null) o.Add("", "订单不存在");
        else if (order.Status != OrderStatus.Unpaid) o.Add("", "只有未支付的订单可以改价");
        if (string.IsNullOrWhiteSpace(price)) o.Add("Price", "请输入价格");
        else if (!AlipayMoney.TryParseFen(price.Trim(), out var fen)) o.Add("Price", "价格应为数字，最多两位小数");
        else if (fen < AlipayMoney.MinFen) o.Add("Price", "价格必须大于0");
        else if (fen > AlipayMoney.MaxFen) o.Add("Price", "价格不能超过100000000元");
        else if (o.Succeeded)
        {
            var changed = await db.Orders.Where(x => x.Id == id && x.Status == OrderStatus.Unpaid)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AmountFen, fen), ct);
            if (changed == 0) o.Add("", "只有未支付的订单可以改价");
            else
            {
                await adminLog.WriteAsync(AdminAction.ChangeOrderPrice, succeeded: true,
                    detail: $"{order!.OrderNumber}: {OrderLabels.Yuan(order.AmountFen)} → {OrderLabels.Yuan(fen)}", ct: ct);
                return o;
            }
        }
        await adminLog.WriteAsync(AdminAction.ChangeOrderPrice, succeeded: false, detail: order?.OrderNumber, ct: ct);
        return o;
    }

    /// <summary>How many orders 删除订单 would delete now: 未支付 and 已作废 created more than 30 days ago.</summary>
    public Task<int> CountPurgeableAsync(CancellationToken ct)
    {
        var cutoff = PurgeCutoff();
        return db.Orders.CountAsync(o => (o.Status == OrderStatus.Unpaid || o.Status == OrderStatus.Void) && o.CreatedAt < cutoff, ct);
    }

    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = PurgeCutoff();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var deleted = await db.Orders
                .Where(o => (o.Status == OrderStatus.Unpaid || o.Status == OrderStatus.Void) && o.CreatedAt < cutoff)
                .ExecuteDeleteAsync(ct);
            await adminLog.WriteAsync(AdminAction.PurgeOrders, succeeded: true, detail: $"删除{deleted}条订单", ct: ct);
            await tx.CommitAsync(ct);
            return deleted;
        });
    }

    public Task LogExportAsync(OrderFilter filter, CancellationToken ct) =>
        adminLog.WriteAsync(AdminAction.ExportOrders, succeeded: true, detail: Describe(filter), ct: ct);

    public static string Describe(OrderFilter f)
    {
        var parts = new List<string>();
        if (f.OrderNumber is not null) parts.Add(f.OrderNumber);
        if (f.Status is { } s) parts.Add(OrderLabels.Status(s));
        if (f.From is not null || f.To is not null)
            parts.Add($"{f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""}至{f.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""}");
        return parts.Count == 0 ? "全部" : string.Join("_", parts);
    }

    private DateTimeOffset PurgeCutoff() => time.GetUtcNow().AddDays(-PurgeAgeDays);

    private IQueryable<Order> Filtered(OrderFilter f)
    {
        var query = db.Orders.AsNoTracking();
        if (f.OrderNumber is { } number) query = query.Where(o => o.OrderNumber.Contains(number));
        if (f.Status is { } status) query = query.Where(o => o.Status == status);
        if (f.From is { } from)
        {
            var start = clock.DayBounds(from).Start;
            query = query.Where(o => o.CreatedAt >= start);
        }
        if (f.To is { } to)
        {
            var end = clock.DayBounds(to).End;
            query = query.Where(o => o.CreatedAt < end);
        }
        return query;
    }

    private static IQueryable<OrderRow> Rows(IQueryable<Order> query) =>
        query.Select(o => new OrderRow(
            o.Id, o.OrderNumber, o.Customer!.CompanyName, o.Customer.Email, o.Customer.ContactName, o.Customer.Phone,
            o.Category, o.Size, o.ValidityMonths, o.CreatedAt, o.PaidAt, o.Status, o.GoodsAmountFen, o.AmountFen, o.TradeNo));
}
