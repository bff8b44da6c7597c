using System.Globalization;
using MiniExcelLibs;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Orders;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Sending.Admin;

/// <summary>
/// A task's numbers as xlsx: the failed ones (下载失败号码) or all of them (有效号码). Rows are read from the database while
/// the file is written into a temporary file deleted once sent; formula-leading text is neutralised.
/// </summary>
public sealed class SendRecordExport(AdminSendRecords records, OperatorClock clock)
{
    public static readonly string[] Columns = ["序号", "手机号", "发送时间", "发送内容", "发送状态", "反馈代码", "信息描述"];

    public const string ContentType = OrderExport.ContentType;

    /// <summary>Writes the file and returns it open at the start; the file disappears when the stream is closed.</summary>
    public async Task<Stream> WriteAsync(AdminTaskRow task, RecipientStatus? status, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "qunfa-sends-" + Guid.NewGuid().ToString("N") + ".xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await Task.Run(() => file.SaveAs(Rows(task, status), sheetName: status == RecipientStatus.Failed ? "失败号码" : "有效号码"), ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public static string FileName(AdminTaskRow task, RecipientStatus? status, DateTimeOffset localNow) =>
        (status == RecipientStatus.Failed ? "失败号码_" : "有效号码_") + task.Id.ToString(CultureInfo.InvariantCulture) + "_"
        + localNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + ".xlsx";

    private IEnumerable<Dictionary<string, object?>> Rows(AdminTaskRow task, RecipientStatus? status)
    {
        var index = 0;
        foreach (var r in records.Stream(task, status))
        {
            yield return new Dictionary<string, object?>
            {
                [Columns[0]] = ++index,
                [Columns[1]] = OrderExport.Cell(r.Phone),
                [Columns[2]] = clock.Format(r.SentAt),
                [Columns[3]] = OrderExport.Cell(r.Content),
                [Columns[4]] = SendLabels.Status(r.Status),
                [Columns[5]] = OrderExport.Cell(r.Code),
                [Columns[6]] = OrderExport.Cell(r.Description),
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

    public static string StatusClass(RecipientStatus status) => status switch
    {
        RecipientStatus.Delivered => "text-success",
        RecipientStatus.Failed => "text-danger",
        RecipientStatus.Unknown => "text-warning",
        _ => "text-secondary",
    };
}
