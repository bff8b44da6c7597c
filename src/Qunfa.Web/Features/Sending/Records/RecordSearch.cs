using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending.Admin;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Sending.Records;

/// <summary>统计信息 of a number: its records in the range, counted per 发送状态.</summary>
public sealed record PhoneSummary(string Phone, int Total, int Delivered, int Failed, int Waiting);

/// <summary>统计信息 of a template over the range, from its tasks' counters.</summary>
public sealed record TemplateSummary(string TemplateCode, string TemplateName, int Tasks, long Numbers, long Delivered, long Failed, long Billed);

/// <summary>A template the picker offers.</summary>
public sealed record TemplateChoice(string Code, string Name);

/// <summary>
/// 发送记录查询's read side. A number is looked up on the (Phone, TaskId) index and its tasks joined by key, so the cost
/// follows the number's own records, not the table; a template's tasks are found on the CreatedAt (or CustomerId,
/// CreatedAt) index and their records on (TaskId, Status, Id). Neither needs an index of its own on SendRecords.
/// </summary>
public sealed class RecordSearch(QunfaDbContext db, OperatorClock clock)
{
    public const int TemplateChoiceLimit = 500;

    /// <summary>A record with what its task adds (member-initialised so that EF can keep ordering and grouping on it).</summary>
    private sealed class Joined
    {
        public long Id { get; init; }
        public long TaskId { get; init; }
        public string Phone { get; init; } = "";
        public RecipientStatus Status { get; init; }
        public string? Code { get; init; }
        public string? Description { get; init; }
        public int Segments { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
        public DateTimeOffset? ReportedAt { get; init; }
        public string? Variables { get; init; }
        public string SignName { get; init; } = "";
        public string TemplateContent { get; init; } = "";
        public string? CommonVariables { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    public async Task<PhoneSummary> PhoneSummaryAsync(RecordQuery query, CancellationToken ct)
    {
        var counts = await Joins(query with { Status = RecordStatusFilter.All })
            .GroupBy(j => j.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(params RecipientStatus[] s) => counts.Where(c => s.Contains(c.Status)).Sum(c => c.Count);
        return new PhoneSummary(query.Phone!, counts.Sum(c => c.Count), Count(RecipientStatus.Delivered), Count(RecipientStatus.Failed),
            Count(RecipientStatus.Queued, RecipientStatus.Submitting, RecipientStatus.Submitted));
    }

    /// <summary>The templates whose code is the text, or whose name contains it, with their tasks in the range.</summary>
    public Task<List<TemplateSummary>> TemplateSummariesAsync(RecordQuery query, CancellationToken ct)
    {
        var text = query.Template!;
        return Tasks(query).Where(t => t.TemplateCode == text || t.TemplateName.Contains(text))
            .GroupBy(t => t.TemplateCode)
            .OrderBy(g => g.Key)
            .Select(g => new TemplateSummary(g.Key, g.Max(t => t.TemplateName)!, g.Count(), g.Sum(t => (long)t.NumberCount),
                g.Sum(t => (long)t.DeliveredCount), g.Sum(t => (long)t.FailedCount), g.Sum(t => t.BilledSegments)))
            .ToListAsync(ct);
    }

    /// <summary>The picker's templates: the customer's own, or (admin) every customer's, by name.</summary>
    public async Task<List<TemplateChoice>> TemplateChoicesAsync(int? customerId, CancellationToken ct)
    {
        var templates = db.Templates.AsNoTracking().Where(t => t.TemplateCode != null);
        if (customerId is { } id) templates = templates.Where(t => t.CustomerId == id);
        var rows = await templates.Select(t => new { Code = t.TemplateCode!, t.Name }).Distinct()
            .OrderBy(t => t.Name).ThenBy(t => t.Code).Take(TemplateChoiceLimit).ToListAsync(ct);
        return rows.Select(t => new TemplateChoice(t.Code, t.Name)).ToList();
    }

    public Task<int> CountAsync(RecordQuery query, CancellationToken ct) => Joins(query).CountAsync(ct);

    /// <summary>One page of 详情, newest task first.</summary>
    public async Task<PagedList<AdminRecordRow>> PageAsync(RecordQuery query, PageRequest page, CancellationToken ct)
    {
        var total = await CountAsync(query, ct);
        var rows = await Ordered(query).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<AdminRecordRow>(Rows(rows).ToList(), total, page);
    }

    /// <summary>Every row of 详情 in the page's order, read from the database as it is consumed.</summary>
    public IEnumerable<AdminRecordRow> Stream(RecordQuery query) => Rows(Ordered(query).AsEnumerable());

    /// <summary>
    /// Newest task first, then the task's list backwards, in the order the lookup reads them so that a page stops after
    /// its rows: a number's records in (Phone, TaskId) order (task ids grow with time), a template's tasks in CreatedAt order.
    /// </summary>
    private IQueryable<Joined> Ordered(RecordQuery query) => query.Mode == RecordQueryMode.Phone
        ? Joins(query).OrderByDescending(j => j.TaskId).ThenByDescending(j => j.Id)
        : Joins(query).OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.TaskId).ThenByDescending(j => j.Id);

    /// <summary>The rows with their 发送内容; a task's shared content is rendered once for its run of rows (they come task by task).</summary>
    private static IEnumerable<AdminRecordRow> Rows(IEnumerable<Joined> joined)
    {
        long? task = null;
        var shared = "";
        foreach (var j in joined)
        {
            if (j.Variables is null && task != j.TaskId)
            {
                task = j.TaskId;
                shared = SendContent.Render(j.SignName, j.TemplateContent, j.CommonVariables, null);
            }
            var content = j.Variables is null ? shared : SendContent.Render(j.SignName, j.TemplateContent, j.CommonVariables, j.Variables);
            yield return new AdminRecordRow(j.Id, j.Phone, j.Status, j.Code, j.Description, j.Segments, j.SubmittedAt, j.ReportedAt, content);
        }
    }

    private IQueryable<SendTask> Tasks(RecordQuery query)
    {
        var start = clock.DayBounds(query.From).Start;
        var end = clock.DayBounds(query.To).End;
        var tasks = db.SendTasks.AsNoTracking().Where(t => t.CreatedAt >= start && t.CreatedAt < end);
        if (query.CustomerId is { } id) tasks = tasks.Where(t => t.CustomerId == id);
        return tasks;
    }

    /// <summary>
    /// The records with their tasks. The two are written as a CROSS JOIN in the order the lookup must run, because
    /// SQLite keeps that order (PostgreSQL plans it as any join, from its statistics): without statistics SQLite would
    /// otherwise start from an equality it can see on another index (CustomerId, or Status for 发送失败) and read a
    /// large part of the table.
    /// </summary>
    private IQueryable<Joined> Joins(RecordQuery query)
    {
        var records = db.SendRecords.AsNoTracking();
        records = query.Status switch
        {
            RecordStatusFilter.Delivered => records.Where(r => r.Status == RecipientStatus.Delivered),
            RecordStatusFilter.Failed => records.Where(r => r.Status == RecipientStatus.Failed),
            RecordStatusFilter.Waiting => records.Where(r => r.Status == RecipientStatus.Queued || r.Status == RecipientStatus.Submitting || r.Status == RecipientStatus.Submitted),
            _ => records,
        };
        var tasks = Tasks(query);
        if (query.Mode == RecordQueryMode.Phone)
        {
            // The number's records on (Phone, TaskId), each task by its key.
            var phone = query.Phone!;
            records = records.Where(r => r.Phone == phone);
            return Project(from r in records
                           from t in tasks
                           where t.Id == r.TaskId
                           select new Pair { R = r, T = t });
        }

        // The template's tasks on CreatedAt (or CustomerId, CreatedAt), newest first; each task's records on (TaskId, Status, Id).
        var template = query.Template!;
        tasks = tasks.Where(t => t.TemplateCode == template || t.TemplateName == template);
        if (query.Phone is { } number)
            records = number.Length == 11 ? records.Where(r => r.Phone == number) : records.Where(r => r.Phone.Contains(number));
        return Project(from t in tasks
                       from r in records
                       where r.TaskId == t.Id
                       select new Pair { R = r, T = t });
    }

    private sealed class Pair
    {
        public SendRecord R { get; init; } = null!;
        public SendTask T { get; init; } = null!;
    }

    private static IQueryable<Joined> Project(IQueryable<Pair> pairs) => pairs.Select(x => new Joined
    {
        Id = x.R.Id, TaskId = x.R.TaskId, Phone = x.R.Phone, Status = x.R.Status, Code = x.R.Code, Description = x.R.Description, Segments = x.R.Segments,
        SubmittedAt = x.R.SubmittedAt, ReportedAt = x.R.ReportedAt, Variables = x.R.Variables,
        SignName = x.T.SignName, TemplateContent = x.T.TemplateContent, CommonVariables = x.T.CommonVariables, CreatedAt = x.T.CreatedAt,
    });
}
