using System.Globalization;
using MiniExcelLibs;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Orders;

/// <summary>
/// 导出: the filtered orders as an xlsx with the list's columns. Rows are read from the database while the file is
/// written (MiniExcel streams an IEnumerable), into a temporary file that is deleted once sent. Text that a spreadsheet
/// would take for a formula (= + - @, tab, carriage return) is neutralised with a leading apostrophe.
/// </summary>
public sealed class OrderExport(AdminOrders orders, OperatorClock clock)
{
    public static readonly string[] Columns =
        ["订单编号", "企业名称", "邮箱", "联系人", "手机号", "短信包类型", "短信包规格", "购买时长(月)", "创建时间", "支付时间", "状态", "商品金额", "订单金额", "支付宝流水号"];

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Writes the file and returns it open at the start; the file disappears when the stream is closed.</summary>
    public async Task<Stream> WriteAsync(OrderFilter filter, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "qunfa-orders-" + Guid.NewGuid().ToString("N") + ".xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await Task.Run(() => file.SaveAs(Rows(filter), sheetName: "订单列表"), ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public static string FileName(OrderFilter filter, DateTimeOffset localNow)
    {
        var name = "订单列表_" + AdminOrders.Describe(filter) + "_" + localNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + ".xlsx";
        foreach (var c in Path.GetInvalidFileNameChars()) name = name.Replace(c, '_');
        return name;
    }

    private IEnumerable<Dictionary<string, object?>> Rows(OrderFilter filter)
    {
        foreach (var r in orders.Stream(filter))
        {
            yield return new Dictionary<string, object?>
            {
                [Columns[0]] = Cell(r.OrderNumber),
                [Columns[1]] = Cell(r.CompanyName),
                [Columns[2]] = Cell(r.Email),
                [Columns[3]] = Cell(r.ContactName),
                [Columns[4]] = Cell(r.Phone),
                [Columns[5]] = OrderLabels.Category(r.Category),
                [Columns[6]] = r.Size,
                [Columns[7]] = r.ValidityMonths,
                [Columns[8]] = clock.Format(r.CreatedAt),
                [Columns[9]] = clock.Format(r.PaidAt),
                [Columns[10]] = OrderLabels.Status(r.Status),
                [Columns[11]] = r.GoodsAmountFen / 100m,
                [Columns[12]] = r.AmountFen / 100m,
                [Columns[13]] = Cell(r.TradeNo),
            };
        }
    }

    /// <summary>Text a spreadsheet would evaluate becomes literal text.</summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
