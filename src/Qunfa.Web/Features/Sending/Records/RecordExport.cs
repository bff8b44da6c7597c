using System.Globalization;
using Qunfa.Web.Features.Sending.Admin;
using Qunfa.Web.Infrastructure.Export;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Sending.Records;

/// <summary>详情 as a file: the page's columns, every matching row, named after the filters.</summary>
public static class RecordExport
{
    public static readonly string[] Columns = ["序号", "发送时间", "手机号", "发送内容", "发送状态", "反馈代码", "信息描述"];

    public const string SheetName = "发送记录";

    /// <summary>e.g. 发送记录_13800000000_发送失败_20261101-20261128.xlsx</summary>
    public static string FileName(RecordQuery query, TableFormat format) =>
        TableFile.FileName([SheetName, query.Template ?? "", query.Phone ?? "", RecordQuery.StatusLabel(query.Status),
            query.From.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + query.To.ToString("yyyyMMdd", CultureInfo.InvariantCulture)], format);

    public static IEnumerable<IDictionary<string, object?>> Rows(IEnumerable<AdminRecordRow> records, OperatorClock clock)
    {
        var index = 0;
        foreach (var r in records)
        {
            yield return new Dictionary<string, object?>
            {
                [Columns[0]] = ++index,
                [Columns[1]] = clock.Format(r.SentAt),
                [Columns[2]] = SpreadsheetCell.Text(r.Phone),
                [Columns[3]] = SpreadsheetCell.Text(r.Content),
                [Columns[4]] = SendLabels.Status(r.Status),
                [Columns[5]] = SpreadsheetCell.Text(r.Code),
                [Columns[6]] = SpreadsheetCell.Text(r.Description),
            };
        }
    }
}
