using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Sending.Console;

/// <summary>What a customer can do with one of its tasks: cancel it while it waits for its time, send its failures again.</summary>
public sealed class ConsoleTaskActions(QunfaDbContext db, RecordSettlement settlement, SendUploadStore store, TimeProvider time)
{
    /// <summary>A task due sooner than this may already be with the dispatcher.</summary>
    public static readonly TimeSpan CancelMargin = TimeSpan.FromSeconds(10);

    public static bool CanCancel(SendTask task, DateTimeOffset now) =>
        task.Status == SendTaskStatus.Queued && task.ScheduledAt is { } at && at > now + CancelMargin;

    public async Task<Outcome> CancelAsync(int customerId, long taskId, CancellationToken ct)
    {
        var task = await db.SendTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId && t.CustomerId == customerId, ct);
        if (task is null || !CanCancel(task, time.GetUtcNow()) || !await settlement.CancelAsync(taskId, ct))
            return Outcome.Fail("", ConsoleSendMessages.CannotCancel);
        return Outcome.Ok();
    }

    /// <summary>
    /// The failed numbers of a task as a stored list (a CSV with the per-number values, if any) and the task's
    /// signature, template and values, ready for the usual preview; null when the task has no failures.
    /// </summary>
    public async Task<SendInput?> ResendFailedAsync(int customerId, long taskId, CancellationToken ct)
    {
        var task = await db.SendTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId && t.CustomerId == customerId, ct);
        if (task is null) return null;
        var failed = await db.SendRecords.AsNoTracking()
            .Where(r => r.TaskId == taskId && r.Status == RecipientStatus.Failed)
            .OrderBy(r => r.Id).Select(r => new { r.Phone, r.Variables }).ToListAsync(ct);
        if (failed.Count == 0) return null;

        var rows = failed.Select(f => (f.Phone, Values: f.Variables is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(f.Variables))).ToList();
        var names = rows.Where(r => r.Values is not null).SelectMany(r => r.Values!.Keys).Distinct(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', ["手机号", .. names.Select(Quote)]).Append('\n');
        foreach (var (phone, values) in rows)
            csv.AppendJoin(',', [phone, .. names.Select(n => Quote(values?.GetValueOrDefault(n) ?? ""))]).Append('\n');
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var token = await store.SaveFileAsync(customerId, content, $"失败号码_{taskId.ToString(CultureInfo.InvariantCulture)}.csv", ct);

        var common = task.CommonVariables is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(task.CommonVariables) ?? [];
        return new SendInput
        {
            SignName = task.SignName,
            TemplateId = task.TemplateId,
            Variables = common.ToDictionary(kv => kv.Key, kv => (string?)kv.Value),
            Token = token,
        };
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
