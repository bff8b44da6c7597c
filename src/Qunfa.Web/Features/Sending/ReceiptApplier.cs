using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Notifications;
using Qunfa.Aliyun.Sms;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.Web.Features.Sending;

/// <summary>Applies SmsReport receipts idempotently; a receipt may come twice, late, or before its submit was recorded.</summary>
public sealed class ReceiptApplier(QunfaDbContext db, RecordSettlement settlement, TimeProvider time)
{
    public enum Result
    {
        Applied,
        /// <summary>Already in its final state: the receipt was seen before.</summary>
        Duplicate,
        /// <summary>Matches no recipient yet; keep it and try again later.</summary>
        Unknown,
    }

    private static readonly RecipientStatus[] Open = [RecipientStatus.Submitting, RecipientStatus.Submitted];

    public async Task<Result> ApplyAsync(DeliveryReport report, CancellationToken ct)
    {
        if (report.State == DeliveryState.Pending) return Result.Duplicate;
        var query = db.SendRecords.AsNoTracking().Where(r => r.Phone == report.PhoneNumber);
        query = !string.IsNullOrEmpty(report.OutId)
            ? query.Where(r => r.ClaimId == report.OutId)
            : query.Where(r => r.BizId == report.BizId);
        var record = await query.Select(r => new { r.Id, r.Status, r.ClaimId }).FirstOrDefaultAsync(ct);
        if (record is null) return Result.Unknown;
        if (!Open.Contains(record.Status)) return Result.Duplicate;

        if (record.Status == RecipientStatus.Submitting)
            // The receipt proves the claim reached the carrier, whatever the dispatcher managed to record.
            await db.SendRecords.Where(r => r.ClaimId == record.ClaimId && r.Status == RecipientStatus.Submitting)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.Status, RecipientStatus.Submitted)
                    .SetProperty(r => r.BizId, report.BizId)
                    .SetProperty(r => r.SubmittedAt, time.GetUtcNow())
                    .SetProperty(r => r.NextAttemptAt, (DateTimeOffset?)null), ct);

        var changed = report.State == DeliveryState.Delivered
            ? await settlement.DeliverAsync([record.Id], ct)
            : await settlement.FailAsync([record.Id], [RecipientStatus.Submitted], report.ErrorCode, report.ErrorMessage, ct);
        return changed > 0 ? Result.Applied : Result.Duplicate;
    }
}
