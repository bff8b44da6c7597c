using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Notifications;
using Qunfa.Aliyun.Sms;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.Web.Features.Sending;

/// <summary>
/// Applies SmsReport receipts idempotently and in batches (a few statements per batch, not per receipt);
/// a receipt may come twice, late, or before its submit was recorded.
/// </summary>
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

    private sealed record Match(long Id, string Phone, string? ClaimId, string? BizId, RecipientStatus Status);

    public async Task<Result> ApplyAsync(DeliveryReport report, CancellationToken ct) => (await ApplyAsync([report], ct))[0];

    public async Task<IReadOnlyList<Result>> ApplyAsync(IReadOnlyList<DeliveryReport> reports, CancellationToken ct)
    {
        var results = new Result[reports.Count];
        var matches = await MatchAsync(reports, ct);
        var seen = new HashSet<long>();
        var delivered = new List<long>();
        var failed = new Dictionary<(string? Code, string? Message), List<long>>();
        var reachedCarrier = new Dictionary<string, string?>();
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            if (report.State == DeliveryState.Pending)
            {
                results[i] = Result.Duplicate;
                continue;
            }
            if (!matches.TryGetValue(Key(report), out var record))
            {
                results[i] = Result.Unknown;
                continue;
            }
            if (record.Status is not (RecipientStatus.Submitting or RecipientStatus.Submitted) || !seen.Add(record.Id))
            {
                results[i] = Result.Duplicate;
                continue;
            }
            results[i] = Result.Applied;
            if (record.Status == RecipientStatus.Submitting && record.ClaimId is not null) reachedCarrier[record.ClaimId] = report.BizId;
            if (report.State == DeliveryState.Delivered) delivered.Add(record.Id);
            else
            {
                var reason = (report.ErrorCode, report.ErrorMessage);
                if (!failed.TryGetValue(reason, out var ids)) failed[reason] = ids = [];
                ids.Add(record.Id);
            }
        }

        // A receipt proves its claim reached the carrier, whatever the dispatcher managed to record.
        var now = time.GetUtcNow();
        foreach (var (claimId, bizId) in reachedCarrier)
            await db.SendRecords.Where(r => r.ClaimId == claimId && r.Status == RecipientStatus.Submitting)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.Status, RecipientStatus.Submitted)
                    .SetProperty(r => r.BizId, bizId)
                    .SetProperty(r => r.SubmittedAt, now), ct);

        if (delivered.Count > 0) await settlement.DeliverAsync(delivered, ct);
        foreach (var ((code, message), ids) in failed)
            await settlement.FailAsync(ids, [RecipientStatus.Submitted], code, message, ct);
        return results;
    }

    private static (string Phone, string Ref) Key(DeliveryReport report) =>
        (report.PhoneNumber, !string.IsNullOrEmpty(report.OutId) ? "o:" + report.OutId : "b:" + report.BizId);

    /// <summary>Finds the records the reports speak of: by the claim's OutId, or by BizId when a report has no OutId.</summary>
    // Lists of thousands go as one array parameter (EF.Parameter): bound as one SQLite variable each, they cost
    // Microsoft.Data.Sqlite a name lookup per variable over all the statement's variables — quadratic in the batch.
    private async Task<Dictionary<(string Phone, string Ref), Match>> MatchAsync(IReadOnlyList<DeliveryReport> reports, CancellationToken ct)
    {
        var phones = reports.Select(r => r.PhoneNumber).Distinct().ToList();
        var claimIds = reports.Where(r => !string.IsNullOrEmpty(r.OutId)).Select(r => r.OutId!).Distinct().ToList();
        var bizIds = reports.Where(r => string.IsNullOrEmpty(r.OutId) && !string.IsNullOrEmpty(r.BizId)).Select(r => r.BizId!).Distinct().ToList();
        var found = new List<Match>();
        if (claimIds.Count > 0)
            found.AddRange(await db.SendRecords.AsNoTracking()
                .Where(r => EF.Parameter(claimIds).Contains(r.ClaimId!) && EF.Parameter(phones).Contains(r.Phone))
                .Select(r => new Match(r.Id, r.Phone, r.ClaimId, r.BizId, r.Status)).ToListAsync(ct));
        if (bizIds.Count > 0)
            found.AddRange(await db.SendRecords.AsNoTracking()
                .Where(r => EF.Parameter(bizIds).Contains(r.BizId!) && EF.Parameter(phones).Contains(r.Phone))
                .Select(r => new Match(r.Id, r.Phone, r.ClaimId, r.BizId, r.Status)).ToListAsync(ct));
        var byKey = new Dictionary<(string, string), Match>();
        foreach (var m in found)
        {
            if (m.ClaimId is not null) byKey.TryAdd((m.Phone, "o:" + m.ClaimId), m);
            if (m.BizId is not null) byKey.TryAdd((m.Phone, "b:" + m.BizId), m);
        }
        return byKey;
    }
}
