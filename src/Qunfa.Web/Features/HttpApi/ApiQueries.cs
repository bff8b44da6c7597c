using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Packages;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.HttpApi;

/// <summary>What /api/v1 reads; every query is scoped to the calling customer.</summary>
public sealed class ApiQueries(QunfaDbContext db, OperatorClock clock)
{
    public const int MaxPageSize = 50;

    public async Task<TaskStatusResponse?> TaskAsync(int customerId, long taskId, CancellationToken ct)
    {
        var row = await TasksOf(customerId).FirstOrDefaultAsync(x => x.Task.Id == taskId, ct);
        return row is null ? null : Status(row.Task, row.OutId);
    }

    /// <summary>The customer's tasks, newest first; with <paramref name="outId"/> only those it sent with that reference.</summary>
    public async Task<TaskPage> TasksAsync(int customerId, string? outId, int page, int size, CancellationToken ct)
    {
        var query = TasksOf(customerId);
        if (!string.IsNullOrEmpty(outId)) query = query.Where(x => x.OutId == outId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.Task.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new TaskPage(total, page, size, rows.Select(x => Status(x.Task, x.OutId)).ToList());
    }

    // Member initialisation (not a constructor) lets EF translate filters and ordering on the projection.
    private sealed class TaskRow
    {
        public SendTask Task { get; init; } = null!;
        public string? OutId { get; init; }
    }

    private IQueryable<TaskRow> TasksOf(int customerId) =>
        from t in db.SendTasks.AsNoTracking()
        where t.CustomerId == customerId
        join a in db.ApiSends.AsNoTracking() on t.Id equals a.TaskId into sends
        from a in sends.DefaultIfEmpty()
        select new TaskRow { Task = t, OutId = a == null ? null : a.OutId };

    private TaskStatusResponse Status(SendTask task, string? outId) =>
        new(task.Id, outId, TaskStatus(task), task.SignName, task.TemplateCode, task.NumberCount,
            task.DeliveredCount, task.FailedCount, Math.Max(0, task.NumberCount - task.DeliveredCount - task.FailedCount),
            task.BilledSegments, task.CreatedAt, task.ScheduledAt, task.CompletedAt);

    /// <summary>The records of one number in one task, or null when the task is not the customer's.</summary>
    public async Task<IReadOnlyList<RecipientRecord>?> TaskRecipientsAsync(int customerId, long taskId, string phone, CancellationToken ct)
    {
        if (!await db.SendTasks.AnyAsync(t => t.Id == taskId && t.CustomerId == customerId, ct)) return null;
        var number = Normalized(phone);
        var records = await db.SendRecords.AsNoTracking()
            .Where(r => r.Phone == number && r.TaskId == taskId && r.CustomerId == customerId)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        return records.Select(Record).ToList();
    }

    /// <summary>The customer's records of one number in tasks created on one operator-local day, newest first.</summary>
    public async Task<RecordPage> RecordsAsync(int customerId, string phone, DateOnly day, int page, int size, CancellationToken ct)
    {
        var number = Normalized(phone);
        var (start, end) = clock.DayBounds(day);
        var query =
            from r in db.SendRecords.AsNoTracking()
            join t in db.SendTasks.AsNoTracking() on r.TaskId equals t.Id
            where r.Phone == number && r.CustomerId == customerId && t.CreatedAt >= start && t.CreatedAt < end
            select r;
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new RecordPage(total, page, size, items.Select(Record).ToList());
    }

    public async Task<BalanceResponse> BalanceAsync(int customerId, CancellationToken ct)
    {
        var today = clock.Today;
        var grants = await db.PackageGrants.AsNoTracking()
            .Where(g => g.CustomerId == customerId && g.Status == GrantStatus.Active && g.ExpiresOn >= today)
            .Select(g => new { g.Category, g.Size, g.Used })
            .ToListAsync(ct);
        return new BalanceResponse(PackageLabels.Categories.Select(c =>
        {
            var own = grants.Where(g => g.Category == c).ToList();
            long size = own.Sum(g => (long)g.Size), used = own.Sum(g => (long)g.Used);
            return new CategoryBalanceItem(Name(c), size, used, size - used);
        }).ToList());
    }

    public async Task<IReadOnlyList<SignatureItem>> SignaturesAsync(int customerId, CancellationToken ct)
    {
        var signatures = await db.Signatures.AsNoTracking().Where(s => s.CustomerId == customerId).OrderBy(s => s.Id).ToListAsync(ct);
        return signatures.Select(s => new SignatureItem(s.Name, Name(s.Type), Name(s.Status), s.Reason, s.CreatedAt)).ToList();
    }

    public async Task<IReadOnlyList<TemplateItem>> TemplatesAsync(int customerId, CancellationToken ct)
    {
        var templates = await db.Templates.AsNoTracking().Where(t => t.CustomerId == customerId).OrderBy(t => t.Id).ToListAsync(ct);
        return templates.Select(t => new TemplateItem(t.TemplateCode, t.Name, Name(t.Type), t.Content, Name(t.Status), t.Reason, t.CreatedAt)).ToList();
    }

    private string TaskStatus(SendTask task) => task.Status switch
    {
        SendTaskStatus.Completed => "completed",
        SendTaskStatus.Cancelled => "cancelled",
        _ when task.ScheduledAt is { } at && at > clock.UtcNow => "scheduled",
        _ => "sending",
    };

    private static RecipientRecord Record(SendRecord r) => new(r.TaskId, r.Phone, RecordStatus(r.Status), r.Code, r.Description, r.Segments, r.SubmittedAt, r.ReportedAt);

    // A record being handed to the carrier is still waiting as far as the customer is concerned.
    private static string RecordStatus(RecipientStatus status) => status switch
    {
        RecipientStatus.Submitted => "submitted",
        RecipientStatus.Delivered => "delivered",
        RecipientStatus.Failed => "failed",
        _ => "queued",
    };

    /// <summary>The stored form of a mainland or international number; otherwise as given, which simply finds nothing.</summary>
    private static string Normalized(string phone) =>
        PhoneNumberRules.Normalize(phone.Trim(), international: false, out _)
        ?? PhoneNumberRules.Normalize(phone.Trim(), international: true, out _)
        ?? phone.Trim();

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
