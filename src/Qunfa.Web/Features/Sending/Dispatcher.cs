using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Sms;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.Web.Features.Sending;

/// <summary>
/// Hands due recipients to the carrier, once each (docs/decisions/0006): a batch is claimed in the
/// database first, the connection is let go, the carrier is called with the claim id as OutId, and the
/// answer settles the claim. An unsettled claim is looked up at the carrier before anything is resent.
/// </summary>
public sealed class Dispatcher(IServiceScopeFactory scopes, IOptions<SendingOptions> options, TimeProvider time, ILogger<Dispatcher> logger)
{
    private static readonly RecipientStatus[] InFlight = [RecipientStatus.Submitting];

    private sealed record Claimed(long Id, string Phone, string? Variables);

    private sealed record Claim(string Id, SendTask Task, IReadOnlyList<Claimed> Records);

    /// <summary>Claims and submits one batch; returns how many recipients it handled (0 when nothing was due).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var claim = await ClaimAsync(ct);
        if (claim is null) return 0;
        var result = await SubmitAsync(claim, ct);
        await SettleAsync(claim, result, ct);
        return claim.Records.Count;
    }

    private async Task<Claim?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        var now = time.GetUtcNow();
        var next = await db.SendRecords.AsNoTracking()
            .Where(r => r.Status == RecipientStatus.Queued && r.NextAttemptAt <= now)
            .OrderBy(r => r.Id).Select(r => r.TaskId).FirstOrDefaultAsync(ct);
        if (next == 0) return null;
        var task = await db.SendTasks.AsNoTracking().SingleAsync(t => t.Id == next, ct);
        var size = task.PerRecipientVariables ? SendBatchSmsRequest.MaxRecipients : SendSmsRequest.MaxPhoneNumbers;
        var ids = await db.SendRecords.AsNoTracking()
            .Where(r => r.TaskId == next && r.Status == RecipientStatus.Queued && r.NextAttemptAt <= now)
            .OrderBy(r => r.Id).Select(r => r.Id).Take(size).ToListAsync(ct);
        var claimId = Guid.NewGuid().ToString("N")[..24];
        var recoverAt = now + options.Value.RecoveryDelay;
        // Conditional on Queued: on several nodes only one claim wins each row.
        await db.SendRecords.Where(r => ids.Contains(r.Id) && r.Status == RecipientStatus.Queued)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RecipientStatus.Submitting)
                .SetProperty(r => r.ClaimId, claimId)
                .SetProperty(r => r.ClaimedAt, now)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.NextAttemptAt, recoverAt), ct);
        var records = await db.SendRecords.AsNoTracking().Where(r => r.ClaimId == claimId && r.Status == RecipientStatus.Submitting)
            .OrderBy(r => r.Id).Select(r => new Claimed(r.Id, r.Phone, r.Variables)).ToListAsync(ct);
        return records.Count == 0 ? null : new Claim(claimId, task, records);
    }

    private async Task<SubmitResult> SubmitAsync(Claim claim, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sms = scope.ServiceProvider.GetRequiredService<IAliyunSmsClient>();
        var task = claim.Task;
        var common = task.CommonVariables is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(task.CommonVariables);
        if (!task.PerRecipientVariables)
            return await sms.SendSmsAsync(new SendSmsRequest(claim.Records.Select(r => r.Phone).ToList(), task.SignName, task.TemplateCode, common, claim.Id), ct);
        var recipients = claim.Records.Select(r =>
        {
            var values = new Dictionary<string, string>(common ?? [], StringComparer.Ordinal);
            if (r.Variables is not null)
                foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, string>>(r.Variables)!) values[k] = v;
            return new BatchSmsRecipient(r.Phone, task.SignName, values);
        }).ToList();
        return await sms.SendBatchSmsAsync(new SendBatchSmsRequest(recipients, task.TemplateCode, claim.Id), ct);
    }

    private async Task SettleAsync(Claim claim, SubmitResult result, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        var ids = claim.Records.Select(r => r.Id).ToList();
        var now = time.GetUtcNow();
        switch (result.Outcome)
        {
            case AliyunOutcome.Ok:
                await MarkSubmittedAsync(db, claim.Id, result.BizId, now, ct);
                break;
            case AliyunOutcome.Ambiguous:
                // Maybe sent: the claim stays as it is until recovery has asked the carrier.
                logger.LogWarning("Claim {Claim} is ambiguous ({Code}); it will be looked up before any resend", claim.Id, result.Code);
                break;
            case AliyunOutcome.Retryable or AliyunOutcome.FlowControlled:
                var attempts = await db.SendRecords.Where(r => r.ClaimId == claim.Id).MaxAsync(r => r.Attempts, ct);
                if (attempts >= options.Value.MaxAttempts)
                    await scope.ServiceProvider.GetRequiredService<RecordSettlement>().FailAsync(ids, InFlight, result.Code, result.Message, ct);
                else
                    await db.SendRecords.Where(r => r.ClaimId == claim.Id && r.Status == RecipientStatus.Submitting)
                        .ExecuteUpdateAsync(u => u
                            .SetProperty(r => r.Status, RecipientStatus.Queued)
                            .SetProperty(r => r.NextAttemptAt, now + Backoff(attempts)), ct);
                break;
            default:
                await scope.ServiceProvider.GetRequiredService<RecordSettlement>().FailAsync(ids, InFlight, result.Code, result.Message, ct);
                break;
        }
    }

    /// <summary>Resolves claims left unsettled (a crash, an ambiguous answer) by asking the carrier whether the claim's OutId arrived.</summary>
    public async Task<int> RecoverOnceAsync(CancellationToken ct)
    {
        string? claimId;
        Claimed? probe;
        DateTimeOffset claimedAt;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
            var now = time.GetUtcNow();
            var due = await db.SendRecords.AsNoTracking()
                .Where(r => r.Status == RecipientStatus.Submitting && r.NextAttemptAt <= now)
                .OrderBy(r => r.NextAttemptAt).Select(r => new { r.ClaimId, r.Id, r.Phone, r.Variables, r.ClaimedAt }).FirstOrDefaultAsync(ct);
            if (due?.ClaimId is null) return 0;
            (claimId, probe, claimedAt) = (due.ClaimId, new Claimed(due.Id, due.Phone, due.Variables), due.ClaimedAt ?? now);
        }

        bool arrived;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var sms = scope.ServiceProvider.GetRequiredService<IAliyunSmsClient>();
            try
            {
                var sendDate = DateOnly.FromDateTime(claimedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
                var details = await sms.QuerySendDetailsAsync(new QuerySendDetailsRequest(probe.Phone, sendDate), ct);
                arrived = details.Items.Any(d => d.OutId == claimId);
            }
            catch (AliyunApiException e)
            {
                logger.LogInformation("Could not look up claim {Claim} now: {Code}", claimId, e.Code);
                await using var retry = scopes.CreateAsyncScope();
                var later = time.GetUtcNow() + options.Value.RetryDelay;
                await retry.ServiceProvider.GetRequiredService<QunfaDbContext>().SendRecords
                    .Where(r => r.ClaimId == claimId && r.Status == RecipientStatus.Submitting)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.NextAttemptAt, later), ct);
                return 0;
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
            var now = time.GetUtcNow();
            if (arrived)
                return await MarkSubmittedAsync(db, claimId, bizId: null, now, ct);
            // The carrier never had it: back to the queue, to go out under a new claim.
            return await db.SendRecords.Where(r => r.ClaimId == claimId && r.Status == RecipientStatus.Submitting)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RecipientStatus.Queued).SetProperty(r => r.NextAttemptAt, now), ct);
        }
    }

    private static Task<int> MarkSubmittedAsync(QunfaDbContext db, string claimId, string? bizId, DateTimeOffset now, CancellationToken ct) =>
        db.SendRecords.Where(r => r.ClaimId == claimId && r.Status == RecipientStatus.Submitting)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RecipientStatus.Submitted)
                .SetProperty(r => r.BizId, bizId)
                .SetProperty(r => r.SubmittedAt, now)
                .SetProperty(r => r.NextAttemptAt, (DateTimeOffset?)null), ct);

    private TimeSpan Backoff(int attempts) => options.Value.RetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
}
