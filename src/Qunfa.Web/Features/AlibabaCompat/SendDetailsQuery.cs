using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.Web.Features.AlibabaCompat;

/// <summary>QuerySendDetails answered from the calling customer's own send records (any channel, not only API sends).</summary>
public sealed class SendDetailsQuery(QunfaDbContext db, TimeProvider time)
{
    public const int MaxDaysBack = 29;
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private sealed record Row(SendRecord Record, SendTask Task, string? OutId);

    public async Task<CompatResult> QueryAsync(ApiCredential key, CompatRequest request, CancellationToken ct)
    {
        var raw = request.Get("PhoneNumber")!;
        var phone = PhoneNumberRules.Normalize(raw, international: false, out _) ?? PhoneNumberRules.Normalize(raw, international: true, out _);
        if (phone is null) return CompatCodes.MobileIllegal;
        if (!DateOnly.TryParseExact(request.Get("SendDate"), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return CompatCodes.InvalidParameters("SendDate 格式必须为 yyyyMMdd");
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);
        if (day > today || day < today.AddDays(-MaxDaysBack))
            return CompatCodes.InvalidParameters("SendDate 只支持查询最近30天的记录");
        if (!int.TryParse(request.Get("PageSize"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size is < 1 or > 50
            || !int.TryParse(request.Get("CurrentPage"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
            return CompatCodes.InvalidParameters("PageSize 取值 1~50, CurrentPage 从 1 开始");

        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
        var end = start.AddDays(1);
        var records = db.SendRecords.AsNoTracking().Where(r => r.CustomerId == key.CustomerId && r.Phone == phone);
        var bizId = request.Get("BizId");
        if (!string.IsNullOrEmpty(bizId))
        {
            // An id that is not ours, or another customer's task, matches nothing, as at Alibaba.
            var taskId = BizIds.TryParse(bizId, out var parsed) ? parsed : -1;
            records = records.Where(r => r.TaskId == taskId);
        }
        var query =
            from r in records
            join t in db.SendTasks.AsNoTracking() on r.TaskId equals t.Id
            where t.CustomerId == key.CustomerId && t.CreatedAt >= start && t.CreatedAt < end
            join a in db.ApiSends.AsNoTracking() on t.Id equals a.TaskId into api
            from a in api.DefaultIfEmpty()
            select new { Record = r, Task = t, OutId = a == null ? null : a.OutId };
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.Record.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);

        var dtos = new JsonArray();
        foreach (var row in rows) dtos.Add(Dto(new Row(row.Record, row.Task, row.OutId)));
        return CompatResult.Ok(new JsonObject
        {
            ["TotalCount"] = total.ToString(CultureInfo.InvariantCulture),
            ["SmsSendDetailDTOs"] = new JsonObject { ["SmsSendDetailDTO"] = dtos },
        });
    }

    private static JsonObject Dto(Row row)
    {
        var (record, task) = (row.Record, row.Task);
        var reported = record.Status is RecipientStatus.Delivered or RecipientStatus.Failed;
        return new JsonObject
        {
            ["PhoneNum"] = record.Phone,
            ["SendStatus"] = record.Status switch { RecipientStatus.Delivered => 3, RecipientStatus.Failed => 2, _ => 1 },
            ["ErrCode"] = record.Status switch { RecipientStatus.Delivered => "DELIVERED", RecipientStatus.Failed => record.Code ?? "", _ => "" },
            ["TemplateCode"] = task.TemplateCode,
            ["Content"] = Content(task, record),
            ["SendDate"] = Format(record.SubmittedAt ?? task.CreatedAt),
            ["ReceiveDate"] = reported && (record.ReportedAt ?? record.SubmittedAt) is { } at ? Format(at) : "",
            ["OutId"] = row.OutId ?? "",
        };
    }

    private static string Content(SendTask task, SendRecord record)
    {
        var values = task.CommonVariables is { Length: > 0 } common
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(common) ?? []
            : new Dictionary<string, string>();
        if (record.Variables is { Length: > 0 } own)
            foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, string>>(own) ?? [])
                values[k] = v;
        return Segments.Compose(task.SignName, TemplateText.Fill(task.TemplateContent, values));
    }

    private static string Format(DateTimeOffset at) => at.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
