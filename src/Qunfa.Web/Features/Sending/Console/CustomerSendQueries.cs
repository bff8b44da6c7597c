using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Infrastructure.Paging;

namespace Qunfa.Web.Features.Sending.Console;

/// <summary>A status filter of 发送详情 as the customer sees it (认领中 is shown as 待发送).</summary>
public enum RecipientStatusFilter
{
    Queued,
    Submitted,
    Delivered,
    Failed,
}

/// <summary>The customer's own 发送记录 and 发送详情; every query is scoped to the customer id it is given.</summary>
public sealed class CustomerSendQueries(QunfaDbContext db)
{
    public async Task<PagedList<SendTask>> TasksAsync(int customerId, PageRequest page, CancellationToken ct)
    {
        var query = db.SendTasks.AsNoTracking().Where(t => t.CustomerId == customerId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(t => t.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<SendTask>(items, total, page);
    }

    public Task<SendTask?> TaskAsync(int customerId, long id, CancellationToken ct) =>
        db.SendTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.CustomerId == customerId, ct);

    public async Task<PagedList<SendRecord>> RecordsAsync(int customerId, long taskId, string? phone, RecipientStatusFilter? status, PageRequest page, CancellationToken ct)
    {
        var query = db.SendRecords.AsNoTracking().Where(r => r.TaskId == taskId && r.CustomerId == customerId);
        if (!string.IsNullOrWhiteSpace(phone))
        {
            var digits = phone.Trim();
            query = query.Where(r => r.Phone.Contains(digits));
        }
        query = status switch
        {
            RecipientStatusFilter.Queued => query.Where(r => r.Status == RecipientStatus.Queued || r.Status == RecipientStatus.Submitting),
            RecipientStatusFilter.Submitted => query.Where(r => r.Status == RecipientStatus.Submitted),
            RecipientStatusFilter.Delivered => query.Where(r => r.Status == RecipientStatus.Delivered),
            RecipientStatusFilter.Failed => query.Where(r => r.Status == RecipientStatus.Failed),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(r => r.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<SendRecord>(items, total, page);
    }

    /// <summary>发送内容 as sent to everyone (per-recipient values stay as ${var}).</summary>
    public static string Content(SendTask task)
    {
        var values = task.CommonVariables is { Length: > 0 } json
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []
            : [];
        return Segments.Compose(task.SignName, TemplateText.Fill(task.TemplateContent, values));
    }

    public static string Label(RecipientStatus status) => Admin.SendLabels.Status(status);

    public static string Label(RecipientStatusFilter status) => status switch
    {
        RecipientStatusFilter.Submitted => "已提交",
        RecipientStatusFilter.Delivered => "发送成功",
        RecipientStatusFilter.Failed => "发送失败",
        _ => "待发送",
    };

    public static string Label(SendTask task, DateTimeOffset now) => task.Status switch
    {
        SendTaskStatus.Completed => "已完成",
        SendTaskStatus.Cancelled => "已取消",
        _ when task.ScheduledAt is { } at && at > now => "定时待发送",
        _ => "发送中",
    };

    /// <summary>The time shown as 发送时间: the scheduled time, else when it was submitted.</summary>
    public static DateTimeOffset SendTime(SendTask task) => task.ScheduledAt ?? task.CreatedAt;
}
