using Qunfa.Web.Infrastructure.Export;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Orders;

/// <summary>
/// 导出: the filtered orders as an xlsx with the list's columns. Rows are read from the database while the file is
/// written, into a temporary file that is deleted once sent (<see cref="TableFile"/>); formula-leading text is neutralised.
/// </summary>
public sealed class OrderExport(AdminOrders orders, OperatorClock clock)
{
    public static readonly string[] Columns =
        ["订单编号", "企业名称", "邮箱", "联系人", "手机号", "短信包类型", "短信包规格", "购买时长(月)", "创建时间", "支付时间", "状态", "商品金额", "订单金额", "支付宝流水号"];

    /// <summary>Writes the file and returns it open at the start; the file disappears when the stream is closed.</summary>
    public Task<Stream> WriteAsync(OrderFilter filter, CancellationToken ct) =>
        TableFile.WriteTempAsync(Rows(filter), TableFormat.Xlsx, "订单列表", ct);

    public static string FileName(OrderFilter filter, DateTimeOffset localNow) =>
        TableFile.FileName(["订单列表", AdminOrders.Describe(filter), TableFile.Stamp(localNow)], TableFormat.Xlsx);

    private IEnumerable<IDictionary<string, object?>> Rows(OrderFilter filter)
    {
        foreach (var r in orders.Stream(filter))
        {
            yield return new Dictionary<string, object?>
            {
                [Columns[0]] = SpreadsheetCell.Text(r.OrderNumber),
                [Columns[1]] = SpreadsheetCell.Text(r.CompanyName),
                [Columns[2]] = SpreadsheetCell.Text(r.Email),
                [Columns[3]] = SpreadsheetCell.Text(r.ContactName),
                [Columns[4]] = SpreadsheetCell.Text(r.Phone),
                [Columns[5]] = OrderLabels.Category(r.Category),
                [Columns[6]] = r.Size,
                [Columns[7]] = r.ValidityMonths,
                [Columns[8]] = clock.Format(r.CreatedAt),
                [Columns[9]] = clock.Format(r.PaidAt),
                [Columns[10]] = OrderLabels.Status(r.Status),
                [Columns[11]] = r.GoodsAmountFen / 100m,
                [Columns[12]] = r.AmountFen / 100m,
                [Columns[13]] = SpreadsheetCell.Text(r.TradeNo),
            };
        }
    }
}
