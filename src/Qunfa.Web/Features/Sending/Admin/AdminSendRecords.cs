using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Sending.Admin;

/// <summary>
/// 任务记录 / 发送记录's filters: customer (企业名称, 邮箱, 联系人, 手机号) or a recipient's number, and the operator's days
/// (inclusive). A refused range lists nothing.
/// </summary>
public sealed record SendTaskFilter(string? Search, DayRange Days)
{
    public const int MaxSearchLength = 64;

    public DateOnly? From => Days.From;
    public DateOnly? To => Days.To;

    public static SendTaskFilter Parse(string? q, string? from, string? to)
    {
        var text = q?.Trim();
        if (string.IsNullOrEmpty(text)) text = null;
        else if (text.Length > MaxSearchLength) text = text[..MaxSearchLength];
        return new SendTaskFilter(text, DayRange.Parse(from, to));
    }
}

/// <summary>One task with its customer, as 任务记录 and 发送记录 list it.</summary>
public sealed record AdminTaskRow(
    long Id, int CustomerId, string CompanyName, string Email, string ContactName, string Phone,
    DateTimeOffset CreatedAt, DateTimeOffset? ScheduledAt, string SignName, string TemplateCode, string TemplateName,
    string TemplateContent, string? CommonVariables, int NumberCount, int InvalidCount, int DuplicateCount,
    long BilledSegments, SendTaskStatus Status, SendSource? Source = null, string? SourceFileName = null, string? MemberName = null)
{
    /// <summary>发送内容: the signed template filled with the values every recipient shares.</summary>
    public string SampleContent => SendContent.Render(SignName, TemplateContent, CommonVariables, null);
}

/// <summary>One recipient line of 发送成功详情 / 发送失败详情.</summary>
public sealed record AdminRecordRow(
    long Id, string Phone, RecipientStatus Status, string? Code, string? Description, int Segments,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ReportedAt, string Content)
{
    /// <summary>发送时间: when the carrier took it (or, failing that, when its result came).</summary>
    public DateTimeOffset? SentAt => SubmittedAt ?? ReportedAt;
}

/// <summary>How the task's recipients stand, counted per status with one GROUP BY, and its settled numbers per 反馈代码.</summary>
public sealed record TaskTally(
    int Delivered, long DeliveredSegments, int Failed, long FailedSegments, int Queued, int Submitted, int Unknown, int Cancelled,
    IReadOnlyList<FeedbackCount> Codes)
{
    public int Pending => Queued + Submitted;
}

/// <summary>One 反馈代码 of a task's delivered or failed numbers and how many numbers got it.</summary>
public sealed record FeedbackCount(RecipientStatus Status, string? Code, string? Description, int Count);

/// <summary>What a recipient was sent: 【签名】 + the template filled with the task's values, overridden by its own.</summary>
public static class SendContent
{
    public static string Render(string signName, string templateContent, string? commonVariables, string? recipientVariables)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Merge(values, commonVariables);
        Merge(values, recipientVariables);
        return Segments.Compose(signName, TemplateText.Fill(templateContent, values));
    }

    private static void Merge(Dictionary<string, string> values, string? json)
    {
        if (string.IsNullOrEmpty(json)) return;
        try
        {
            if (JsonSerializer.Deserialize<Dictionary<string, string>>(json) is { } parsed)
                foreach (var (k, v) in parsed) values[k] = v;
        }
        catch (JsonException)
        {
            // A damaged value leaves the variable visible rather than breaking the page.
        }
    }
}

/// <summary>The admin's read side of 发送记录: every customer's tasks, one task's tally and its recipients.</summary>
public sealed class AdminSendRecords(QunfaDbContext db, OperatorClock clock)
{
    public const int DetailPageSize = 10;

    /// <summary>How many numbers the 发送记录 card lists before it offers the download instead.</summary>
    public const int NumberPreviewLimit = 200;

    public async Task<PagedList<AdminTaskRow>> ListAsync(SendTaskFilter filter, PageRequest page, CancellationToken ct)
    {
        if (!filter.Days.IsValid) return new PagedList<AdminTaskRow>([], 0, page);
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var items = await Rows(query, newestFirst: true)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<AdminTaskRow>(items, total, page);
    }

    public Task<AdminTaskRow?> FindAsync(long id, CancellationToken ct) =>
        Rows(db.SendTasks.AsNoTracking().Where(t => t.Id == id), newestFirst: false).FirstOrDefaultAsync(ct);

    /// <summary>Counts per 发送状态 (GROUP BY on the TaskId+Status index) and per 反馈代码 of the settled numbers.</summary>
    public async Task<TaskTally> TallyAsync(long taskId, CancellationToken ct)
    {
        var counts = await RecipientStatusCounts.OfTaskAsync(db, taskId, ct);

        // The feedback codes of settled numbers; a task with none settled needs no second GROUP BY.
        var summary = counts.Count(RecipientStatus.Delivered, RecipientStatus.Failed) == 0 ? [] : (await db.SendRecords.AsNoTracking()
            .Where(r => r.TaskId == taskId && (r.Status == RecipientStatus.Delivered || r.Status == RecipientStatus.Failed))
            .GroupBy(r => new { r.Status, r.Code })
            .Select(g => new { g.Key.Status, g.Key.Code, Count = g.Count(), Description = g.Max(r => r.Description) })
            .ToListAsync(ct))
            .OrderBy(c => c.Status == RecipientStatus.Delivered ? 0 : 1).ThenByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new FeedbackCount(c.Status, c.Code, c.Description, c.Count)).ToList();
        return new TaskTally(
            counts.Count(RecipientStatus.Delivered), counts.Segments(RecipientStatus.Delivered),
            counts.Count(RecipientStatus.Failed), counts.Segments(RecipientStatus.Failed),
            counts.Waiting, counts.Count(RecipientStatus.Submitted),
            counts.Count(RecipientStatus.Unknown), counts.Count(RecipientStatus.Cancelled),
            summary);
    }

    /// <summary>One page of the task's recipients in <paramref name="status"/>, optionally narrowed by number, in order of the list.</summary>
    public async Task<PagedList<AdminRecordRow>> RecordsAsync(AdminTaskRow task, RecipientStatus status, string? phone, PageRequest page, CancellationToken ct)
    {
        var query = db.SendRecords.AsNoTracking().Where(r => r.TaskId == task.Id && r.Status == status);
        query = ByPhone(query, phone);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.Id).Skip(page.Skip).Take(page.Size)
            .Select(r => new { r.Id, r.Phone, r.Status, r.Code, r.Description, r.Segments, r.SubmittedAt, r.ReportedAt, r.Variables })
            .ToListAsync(ct);
        var items = rows.Select(r => new AdminRecordRow(r.Id, r.Phone, r.Status, r.Code, r.Description, r.Segments, r.SubmittedAt, r.ReportedAt,
            SendContent.Render(task.SignName, task.TemplateContent, task.CommonVariables, r.Variables))).ToList();
        return new PagedList<AdminRecordRow>(items, total, page);
    }

    /// <summary>有效号码: the first <paramref name="limit"/> numbers of the task, in order of the list.</summary>
    public Task<List<string>> NumbersAsync(long taskId, int limit, CancellationToken ct) =>
        db.SendRecords.AsNoTracking().Where(r => r.TaskId == taskId).OrderBy(r => r.Id).Take(limit).Select(r => r.Phone).ToListAsync(ct);

    public Task<int> NumberTotalAsync(long taskId, CancellationToken ct) =>
        db.SendRecords.AsNoTracking().CountAsync(r => r.TaskId == taskId, ct);

    /// <summary>The task's recipients (all, or only one status) read from the database as the file is written.</summary>
    internal IEnumerable<AdminRecordRow> Stream(AdminTaskRow task, RecipientStatus? status)
    {
        var query = db.SendRecords.AsNoTracking().Where(r => r.TaskId == task.Id);
        if (status is { } s) query = query.Where(r => r.Status == s);
        var rows = query.OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Phone, r.Status, r.Code, r.Description, r.Segments, r.SubmittedAt, r.ReportedAt, r.Variables })
            .AsEnumerable();
        foreach (var r in rows)
            yield return new AdminRecordRow(r.Id, r.Phone, r.Status, r.Code, r.Description, r.Segments, r.SubmittedAt, r.ReportedAt,
                SendContent.Render(task.SignName, task.TemplateContent, task.CommonVariables, r.Variables));
    }

    /// <summary>A full number is looked up exactly (Phone+TaskId index); a fragment matches anywhere in the number.</summary>
    private static IQueryable<SendRecord> ByPhone(IQueryable<SendRecord> query, string? phone)
    {
        var text = Digits(phone);
        if (text is null) return query;
        return text.Length >= 11 ? query.Where(r => r.Phone == text) : query.Where(r => r.Phone.Contains(text));
    }

    /// <summary>The digits of a searched number (spaces, dashes and a +86 are dropped), or null when there are none.</summary>
    public static string? Digits(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length > 11 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        if (digits.Length > 20) digits = digits[..20];
        return digits.Length == 0 ? null : digits;
    }

    private IQueryable<SendTask> Filtered(SendTaskFilter f)
    {
        var query = db.SendTasks.AsNoTracking();
        if (f.Search is { } text)
        {
            var lower = text.ToLowerInvariant();
            var number = Digits(text);
            var customers = db.Customers.Where(c => c.CompanyName.Contains(text) || c.Email.Contains(lower) || c.ContactName.Contains(text) || c.Phone.Contains(text))
                .Select(c => c.Id);
            query = number is { Length: 11 } && number == text
                ? query.Where(t => customers.Contains(t.CustomerId) || db.SendRecords.Any(r => r.Phone == number && r.TaskId == t.Id))
                : query.Where(t => customers.Contains(t.CustomerId));
        }
        if (f.From is { } from)
        {
            var start = clock.DayBounds(from).Start;
            query = query.Where(t => t.CreatedAt >= start);
        }
        if (f.To is { } to)
        {
            var end = clock.DayBounds(to).End;
            query = query.Where(t => t.CreatedAt < end);
        }
        return query;
    }

    private IQueryable<AdminTaskRow> Rows(IQueryable<SendTask> tasks, bool newestFirst)
    {
        var joined = from t in tasks
                     join c in db.Customers on t.CustomerId equals c.Id
                     join m in db.CustomerMembers on t.MemberId equals (int?)m.Id into sentBy
                     from m in sentBy.DefaultIfEmpty()
                     select new { t, c, MemberName = m == null ? null : m.Name };
        if (newestFirst) joined = joined.OrderByDescending(x => x.t.CreatedAt).ThenByDescending(x => x.t.Id);
        return joined.Select(x => new AdminTaskRow(
            x.t.Id, x.t.CustomerId, x.c.CompanyName, x.c.Email, x.c.ContactName, x.c.Phone, x.t.CreatedAt, x.t.ScheduledAt,
            x.t.SignName, x.t.TemplateCode, x.t.TemplateName, x.t.TemplateContent, x.t.CommonVariables,
            x.t.NumberCount, x.t.InvalidCount, x.t.DuplicateCount, x.t.BilledSegments, x.t.Status, x.t.Source, x.t.SourceFileName, x.MemberName));
    }
}
