using System.Globalization;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Infrastructure.Export;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Sending.Admin;

/// <summary>
/// A task's numbers as xlsx: the failed ones (下载失败号码) or all of them (有效号码). Rows are read from the database while
/// the file is written into a temporary file deleted once sent; formula-leading text is neutralised.
/// </summary>
public sealed class SendRecordExport(AdminSendRecords records, OperatorClock clock)
{
    public static readonly string[] Columns = ["序号", "手机号", "发送时间", "发送内容", "发送状态", "反馈代码", "信息描述"];

    public const string ContentType = TableFile.XlsxContentType;

    /// <summary>Writes the file and returns it open at the start; the file disappears when the stream is closed.</summary>
    public Task<Stream> WriteAsync(AdminTaskRow task, RecipientStatus? status, CancellationToken ct) =>
        TableFile.WriteTempAsync(Rows(task, status), TableFormat.Xlsx, status == RecipientStatus.Failed ? "失败号码" : "有效号码", ct);

    public static string FileName(AdminTaskRow task, RecipientStatus? status, DateTimeOffset localNow) =>
        TableFile.FileName([status == RecipientStatus.Failed ? "失败号码" : "有效号码", task.Id.ToString(CultureInfo.InvariantCulture), TableFile.Stamp(localNow)], TableFormat.Xlsx);

    private IEnumerable<IDictionary<string, object?>> Rows(AdminTaskRow task, RecipientStatus? status)
    {
        var index = 0;
        foreach (var r in records.Stream(task, status))
        {
            yield return new Dictionary<string, object?>
            {
                [Columns[0]] = ++index,
                [Columns[1]] = SpreadsheetCell.Text(r.Phone),
                [Columns[2]] = clock.Format(r.SentAt),
                [Columns[3]] = SpreadsheetCell.Text(r.Content),
                [Columns[4]] = SendLabels.Status(r.Status),
                [Columns[5]] = SpreadsheetCell.Text(r.Code),
                [Columns[6]] = SpreadsheetCell.Text(r.Description),
            };
        }
    }
}

/// <summary>发送状态 as the manual names it.</summary>
public static class SendLabels
{
    public static string Status(RecipientStatus status) => status switch
    {
        RecipientStatus.Delivered => "发送成功",
        RecipientStatus.Failed => "发送失败",
        RecipientStatus.Submitted => "已提交",
        RecipientStatus.Unknown => "未知",
        RecipientStatus.Cancelled => "已取消",
        _ => "待发送",
    };

    /// <summary>发送类型 as the manual names it; a dash for tasks accepted before it was recorded.</summary>
    public static string Source(SendSource? source) => source switch
    {
        SendSource.Text => "文本形式",
        SendSource.File => "文件形式",
        SendSource.Api => "接口发送",
        _ => "-",
    };

    public static string StatusClass(RecipientStatus status) => status switch
    {
        RecipientStatus.Delivered => "text-success",
        RecipientStatus.Failed => "text-danger",
        RecipientStatus.Unknown => "text-warning",
        _ => "text-secondary",
    };
}
