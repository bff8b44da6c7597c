using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Manage;
using Qunfa.Web.Data;
using Qunfa.Web.Infrastructure.Cluster;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Features.Messaging;
using CarrierReview = Qunfa.Aliyun.Manage.ReviewStatus;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Workers;

/// <summary>
/// Follows qualifications and authorization letters 审批中 at the carrier until they are approved or
/// rejected, asking less often as a review drags on. Several nodes may run it: a result is written only
/// if the row is still as it was read, so a check is never recorded twice.
/// </summary>
public sealed class QualificationReviewWorker(
    IServiceScopeFactory scopes,
    IAliyunSmsManagementClient carrier,
    CarrierState carrierState,
    DatabaseReadiness readiness,
    ClusterLock cluster,
    IOptions<QualificationReviewOptions> options,
    TimeProvider time,
    ILogger<QualificationReviewWorker> logger) : BackgroundService
{
    private sealed record Due(int Id, string? CarrierId, string Name, string OrganizationCode, int Checks);

    private sealed record Verdict(ReviewStatus Status, string? Reason, string? CarrierId = null, string? WorkOrderId = null);

    // Alibaba's list filter takes INIT/PASS/NOT_PASS per the current help, the emulator PASSED/FAILED; both are tried.
    private static readonly (string State, ReviewStatus Status)[] StateFilters =
        [("PASS", ReviewStatus.Approved), ("PASSED", ReviewStatus.Approved), ("NOT_PASS", ReviewStatus.Rejected), ("FAILED", ReviewStatus.Rejected)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval > TimeSpan.Zero ? options.Value.Interval : new QualificationReviewOptions().Interval;
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                if (readiness.IsReady) await cluster.RunAloneAsync("qualification-review", RunOnceAsync, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Qualification review round failed; it is retried next round");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var batch = options.Value.BatchSize;
        List<Due> qualifications, letters;
        // The context is released before the carrier is asked: a slow carrier must not hold a connection.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
            qualifications = await db.Qualifications.AsNoTracking()
                .Where(q => q.Status == ReviewStatus.UnderReview && q.NextReviewCheckAt != null && q.NextReviewCheckAt <= now)
                .OrderBy(q => q.NextReviewCheckAt).Take(batch)
                .Select(q => new Due(q.Id, q.CarrierId, q.Name, q.OrganizationCode, q.ReviewChecks)).ToListAsync(ct);
            letters = await db.AuthorizationLetters.AsNoTracking()
                .Where(l => l.Status == ReviewStatus.UnderReview && l.NextReviewCheckAt != null && l.NextReviewCheckAt <= now)
                .OrderBy(l => l.NextReviewCheckAt).Take(batch)
                .Select(l => new Due(l.Id, l.CarrierId, l.Name, l.OrganizationCode, l.ReviewChecks)).ToListAsync(ct);
        }
        if (qualifications.Count + letters.Count == 0) return;
        if (!carrierState.Current.IsConfigured && !(await carrierState.RefreshAsync(ct)).IsConfigured) return;

        foreach (var due in qualifications)
            await RecordAsync(due, await AskAsync(due, "qualification", QualificationVerdictAsync, ct), letter: false, ct);
        foreach (var due in letters)
            await RecordAsync(due, await AskAsync(due, "letter", LetterVerdictAsync, ct), letter: true, ct);
    }

    private async Task<Verdict?> AskAsync(Due due, string what, Func<Due, CancellationToken, Task<Verdict?>> ask, CancellationToken ct)
    {
        try
        {
            return await ask(due, ct);
        }
        catch (Exception e) when (e is AliyunApiException or HttpRequestException || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Review check of {What} {Id} failed; asking again later", what, due.Id);
            return null;
        }
    }

    private async Task<Verdict?> QualificationVerdictAsync(Due due, CancellationToken ct)
    {
        var page = await carrier.QuerySmsQualificationRecordAsync(new SmsQualificationQuery(QualificationGroupName: due.Name), ct);
        var record = Match(page.Items, due);
        if (record is null) return null;
        var status = record.Status.State == ReviewState.Unknown
            ? await StateByFilterAsync(due, ct)
            : From(record.Status);
        return new Verdict(status, record.AuditRemark ?? record.Status.Reason, record.GroupId, record.WorkOrderId);
    }

    /// <summary>When the list names a state in words the client does not know, ask which state filter finds the record.</summary>
    private async Task<ReviewStatus> StateByFilterAsync(Due due, CancellationToken ct)
    {
        foreach (var (state, status) in StateFilters)
        {
            try
            {
                var page = await carrier.QuerySmsQualificationRecordAsync(new SmsQualificationQuery(QualificationGroupName: due.Name, State: state), ct);
                if (Match(page.Items, due) is not null) return status;
            }
            catch (AliyunApiException e) when (e.Outcome == AliyunOutcome.PermanentRequestFailure)
            {
                // A state spelling this carrier does not take; the next one may be.
            }
        }
        return ReviewStatus.UnderReview;
    }

    private static SmsQualificationRecord? Match(IReadOnlyList<SmsQualificationRecord> items, Due due) =>
        items.FirstOrDefault(r => due.CarrierId is { Length: > 0 } && r.GroupId == due.CarrierId)
        ?? items.FirstOrDefault(r => r.QualificationGroupName == due.Name);

    private async Task<Verdict?> LetterVerdictAsync(Due due, CancellationToken ct)
    {
        var query = due.CarrierId is { Length: > 0 } id
            ? new SmsAuthorizationLetterQuery(AuthorizationLetterIdList: [id])
            : new SmsAuthorizationLetterQuery(OrganizationCode: due.OrganizationCode);
        var letters = await carrier.QuerySmsAuthorizationLetterAsync(query, ct);
        var letter = letters.FirstOrDefault(l => due.CarrierId is { Length: > 0 } && l.AuthorizationLetterId == due.CarrierId)
            ?? letters.FirstOrDefault(l => l.AuthorizationLetterName == due.Name);
        return letter is null ? null : new Verdict(From(letter.Status), letter.Status.Reason, letter.AuthorizationLetterId);
    }

    /// <summary>资料待补充 (NOT_FINISH) needs the customer to act, like a rejection; cancelled counts as rejected too.</summary>
    private static ReviewStatus From(CarrierReview review) =>
        review.State == ReviewState.Pending ? ReviewStatus.Rejected : ReviewStatusMap.From(review.State);

    private async Task RecordAsync(Due due, Verdict? verdict, bool letter, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var status = verdict?.Status ?? ReviewStatus.UnderReview;
        var final = status is ReviewStatus.Approved or ReviewStatus.Rejected;
        DateTimeOffset? next = final ? null : now + ReviewStatusMap.NextCheckAfter(due.Checks + 1);
        var reason = status == ReviewStatus.Rejected ? Truncate(verdict?.Reason ?? "审批未通过", 500) : null;
        var carrierId = due.CarrierId is { Length: > 0 } ? due.CarrierId : verdict?.CarrierId;
        var workOrderId = verdict?.WorkOrderId;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        var updated = letter
            ? await db.AuthorizationLetters
                .Where(l => l.Id == due.Id && l.Status == ReviewStatus.UnderReview && l.ReviewChecks == due.Checks)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(l => l.Status, status).SetProperty(l => l.Reason, reason).SetProperty(l => l.CarrierId, carrierId)
                    .SetProperty(l => l.NextReviewCheckAt, next).SetProperty(l => l.ReviewChecks, due.Checks + 1)
                    .SetProperty(l => l.UpdatedAt, now), ct)
            : await db.Qualifications
                .Where(q => q.Id == due.Id && q.Status == ReviewStatus.UnderReview && q.ReviewChecks == due.Checks)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(q => q.Status, status).SetProperty(q => q.Reason, reason).SetProperty(q => q.CarrierId, carrierId)
                    .SetProperty(q => q.WorkOrderId, q => workOrderId ?? q.WorkOrderId)
                    .SetProperty(q => q.NextReviewCheckAt, next).SetProperty(q => q.ReviewChecks, due.Checks + 1)
                    .SetProperty(q => q.UpdatedAt, now), ct);
        if (updated > 0 && final)
            logger.LogInformation("{What} {Id} review finished: {Status}", letter ? "Letter" : "Qualification", due.Id, status);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
