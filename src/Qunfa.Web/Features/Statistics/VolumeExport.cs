using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Qunfa.Web.Features.Orders;

namespace Qunfa.Web.Features.Statistics;

/// <summary>
/// 导出 of 发送量统计: exactly the table on screen (each day, then 合计) as xlsx (MiniExcel, written into a temporary file
/// deleted once sent) or as UTF-8 CSV written straight to the response. Text cells are neutralised like every export.
/// </summary>
public static class VolumeExport
{
    public static readonly string[] Columns = ["日期", "发送总量", "发送成功", "发送失败", "未回执", "计费条数", "成功率"];
    public const string TotalLabel = "合计";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static async Task<Stream> XlsxAsync(VolumeQuery.Result result, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "qunfa-volume-" + Guid.NewGuid().ToString("N") + ".xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await Task.Run(() => file.SaveAs(Rows(result).Select(Dictionary), sheetName: "发送量统计"), ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public static async Task WriteCsvAsync(VolumeQuery.Result result, Stream body, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', Columns) + "\r\n");
        foreach (var row in Rows(result))
            await writer.WriteAsync(string.Join(',', row.Select(v => Quote(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""))) + "\r\n");
        await writer.FlushAsync(ct);
    }

    public static string FileName(VolumeFilter f, string? customerName, string extension, DateTimeOffset localNow)
    {
        var parts = new List<string> { "发送量统计", f.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "至" + f.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        if (customerName is not null) parts.Add(customerName);
        if (f.SignName is not null) parts.Add("签名" + f.SignName);
        if (f.TemplateType is { } type) parts.Add(Messaging.ReviewStatusMap.Label(type));
        if (f.TemplateName is not null) parts.Add("模板" + f.TemplateName);
        parts.Add(localNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        var name = string.Join('_', parts) + "." + extension;
        foreach (var c in Path.GetInvalidFileNameChars().Append('"').Append(',').Append(';')) name = name.Replace(c, '_');
        return name;
    }

    private static IEnumerable<object[]> Rows(VolumeQuery.Result result)
    {
        foreach (var d in result.Days) yield return Row(d.DayText, d);
        yield return Row(TotalLabel, result.Total);
    }

    private static object[] Row(string label, VolumeRow r) =>
        [OrderExport.Cell(label), r.Total, r.Delivered, r.Failed, r.NoReceipt, r.Segments, OrderExport.Cell(r.SuccessRate)];

    private static Dictionary<string, object?> Dictionary(object[] row)
    {
        var cells = new Dictionary<string, object?>();
        for (var i = 0; i < Columns.Length; i++) cells[Columns[i]] = row[i];
        return cells;
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
