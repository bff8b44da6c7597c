using System.Globalization;
using Qunfa.Web.Infrastructure.Export;

namespace Qunfa.Web.Features.Statistics;

/// <summary>
/// 导出 of 发送量统计: exactly the table on screen (each day, then 合计) as xlsx or CSV through the shared
/// <see cref="TableFile"/>; text cells are neutralised like every export.
/// </summary>
public static class VolumeExport
{
    public static readonly string[] Columns = ["日期", "发送总量", "发送成功", "发送失败", "未回执", "计费条数", "成功率"];
    public const string TotalLabel = "合计";

    public static Task<Stream> WriteAsync(VolumeQuery.Result result, TableFormat format, CancellationToken ct) =>
        TableFile.WriteTempAsync(Rows(result).Select(Dictionary), format, "发送量统计", ct);

    public static string FileName(VolumeFilter f, string? customerName, TableFormat format, DateTimeOffset localNow)
    {
        var parts = new List<string> { "发送量统计", f.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "至" + f.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        if (customerName is not null) parts.Add(customerName);
        if (f.SignName is not null) parts.Add("签名" + f.SignName);
        if (f.TemplateType is { } type) parts.Add(Messaging.ReviewStatusMap.Label(type));
        if (f.TemplateName is not null) parts.Add("模板" + f.TemplateName);
        parts.Add(TableFile.Stamp(localNow));
        return TableFile.FileName(parts, format);
    }

    private static IEnumerable<object[]> Rows(VolumeQuery.Result result)
    {
        foreach (var d in result.Days) yield return Row(d.DayText, d);
        yield return Row(TotalLabel, result.Total);
    }

    private static object[] Row(string label, VolumeRow r) =>
        [SpreadsheetCell.Text(label), r.Total, r.Delivered, r.Failed, r.NoReceipt, r.Segments, SpreadsheetCell.Text(r.SuccessRate)];

    private static IDictionary<string, object?> Dictionary(object[] row)
    {
        var cells = new Dictionary<string, object?>();
        for (var i = 0; i < Columns.Length; i++) cells[Columns[i]] = row[i];
        return cells;
    }
}
