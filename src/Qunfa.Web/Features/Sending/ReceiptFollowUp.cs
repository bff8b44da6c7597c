using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Notifications;
using Qunfa.Aliyun.Sms;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Statistics;

namespace Qunfa.Web.Features.Sending;

/// <summary>
/// Asks the carrier (QuerySendDetails) about submitted numbers whose receipt is overdue; what the carrier
/// knows is applied like a receipt, and a number still without an outcome after
/// <see cref="SendingOptions.UnknownAfter"/> becomes 未知.
/// </summary>
public sealed class ReceiptFollowUp(IServiceScopeFactory scopes, IOptions<SendingOptions> options, TimeProvider time, ILogger<ReceiptFollowUp> logger)
{
    private const int PerPass = 20;
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private sealed record Overdue(long Id, string Phone, string? ClaimId, string? BizId, DateTimeOffset? SubmittedAt);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        var now = time.GetUtcNow();
        var overdue = await db.SendRecords.AsNoTracking()
            .Where(r => r.Status == RecipientStatus.Submitted && r.NextAttemptAt <= now)
            .OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).Take(PerPass)
            .Select(r => new Overdue(r.Id, r.Phone, r.ClaimId, r.BizId, r.SubmittedAt)).ToListAsync(ct);
        if (overdue.Count == 0) return 0;

        var sms = scope.ServiceProvider.GetRequiredService<IAliyunSmsClient>();
        var reports = new List<DeliveryReport>();
        var stillOpen = new List<Overdue>();
        foreach (var record in overdue)
        {
            var detail = await LookUpAsync(sms, record, ct);
            if (detail is { State: not DeliveryState.Pending })
                reports.Add(new DeliveryReport(record.Phone, record.BizId, record.ClaimId, detail.State, detail.ErrorCode,
                    detail.State == DeliveryState.Failed ? detail.ErrorCode : null, detail.SendTime, detail.ReceiveTime, null));
            else stillOpen.Add(record);
        }
        if (reports.Count > 0) await scope.ServiceProvider.GetRequiredService<ReceiptApplier>().ApplyAsync(reports, ct);

        var expired = stillOpen.Where(r => (r.SubmittedAt ?? now) + options.Value.UnknownAfter <= now).Select(r => r.Id).ToList();
        var later = stillOpen.Select(r => r.Id).Except(expired).ToList();
        if (expired.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var perTask = await db.SendRecords.Where(r => EF.Parameter(expired).Contains(r.Id) && r.Status == RecipientStatus.Submitted)
                .GroupBy(r => r.TaskId).Select(g => new { TaskId = g.Key, Count = g.Count() }).ToListAsync(ct);
            var changed = await db.SendRecords.Where(r => EF.Parameter(expired).Contains(r.Id) && r.Status == RecipientStatus.Submitted)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.Status, RecipientStatus.Unknown)
                    .SetProperty(r => r.ReportedAt, now)
                    .SetProperty(r => r.NextAttemptAt, (DateTimeOffset?)null), ct);
            if (changed > 0)
                await scope.ServiceProvider.GetRequiredService<RollupWriter>().AddAsync(perTask.Select(t => (t.TaskId, new RollupDelta(Unknown: t.Count))), ct);
            // Completed in the same transaction, as settlement does: a stop after the commit must not leave the task open.
            await scope.ServiceProvider.GetRequiredService<RecordSettlement>().CompleteAsync(perTask.Select(t => t.TaskId), ct);
            await transaction.CommitAsync(ct);
        }
        if (later.Count > 0)
        {
            var next = now + options.Value.ReceiptTimeout;
            await db.SendRecords.Where(r => EF.Parameter(later).Contains(r.Id) && r.Status == RecipientStatus.Submitted)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.NextAttemptAt, next), ct);
        }
        return overdue.Count;
    }

    private async Task<SendDetail?> LookUpAsync(IAliyunSmsClient sms, Overdue record, CancellationToken ct)
    {
        var sendDate = DateOnly.FromDateTime((record.SubmittedAt ?? time.GetUtcNow()).ToOffset(ChinaOffset).DateTime);
        try
        {
            var page = await sms.QuerySendDetailsAsync(new QuerySendDetailsRequest(record.Phone, sendDate, record.BizId), ct);
            return page.Items.FirstOrDefault(d => record.ClaimId is not null && d.OutId == record.ClaimId)
                ?? (record.BizId is null ? null : page.Items.FirstOrDefault());
        }
        catch (AliyunApiException e)
        {
            logger.LogInformation("Could not ask the carrier about record {Record} now: {Code}", record.Id, e.Code);
            return null;
        }
    }
}
