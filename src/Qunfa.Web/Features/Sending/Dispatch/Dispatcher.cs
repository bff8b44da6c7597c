using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Sms;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.Web.Features.Sending.Dispatch;

/// <summary>
/// Hands due recipients to the carrier, once each (docs/decisions/0006): a batch is claimed in the
/// database first, the connection is let go, the carrier is called with the claim id as OutId, and the
/// answer settles the claim. An unsettled claim is looked up at the carrier before anything is resent.
/// </summary>
public sealed class Dispatcher(
    IServiceScopeFactory scopes,
    IOptions<SendingOptions> options,
    GroupCommit groupCommit,
    SubmittedAnswers answers,
    Infrastructure.Settings.StartupSettings settings,
    TimeProvider time,
    ILogger<Dispatcher> logger)
{
    private static readonly RecipientStatus[] InFlight = [RecipientStatus.Submitting];

    /// <summary>What a claim needs of its task; none of it changes after acceptance.</summary>
    internal sealed record TaskShape(long Id, string SignName, string TemplateCode, Dictionary<string, string>? Common, bool PerRecipient, int NumberCount);

    /// <summary>Tasks of fewer numbers than this go out together with other such tasks of the same template, in one carrier call.</summary>
    public const int SmallTask = SendBatchSmsRequest.MaxRecipients;

    /// <summary>A batch of recipients handed to the carrier in one call; each recipient with the task it belongs to.</summary>
    public sealed class Claim
    {
        internal Claim(string id, IReadOnlyList<ClaimStore.Claimed> records, IReadOnlyList<TaskShape> tasks) => (Id, Records, Tasks) = (id, records, tasks);

        public string Id { get; }
        internal IReadOnlyList<ClaimStore.Claimed> Records { get; }
        /// <summary>The task of each record, in the same order.</summary>
        internal IReadOnlyList<TaskShape> Tasks { get; }
    }

    private readonly ConcurrentDictionary<long, TaskShape> _shapes = new();

    /// <summary>Task shapes kept at most; past it the cache is emptied (tests lower it).</summary>
    internal int ShapeCacheLimit { get; set; } = 10_000;

    /// <summary>
    /// Claims up to <paramref name="batches"/> due batches, each up to 1000 numbers of one task (100 when each has its
    /// own values) or up to 100 numbers of small tasks with one template, in one transaction: claims made together cost
    /// one commit, whether of one task or many. On SQLite that transaction is a group-committed unit of the single
    /// writer; on PostgreSQL it runs on a connection of its own, beside the writer: a claim skips the rows another
    /// transaction holds (SKIP LOCKED), as the claims of another node do, so it need not queue behind the sends, and
    /// the server works on both at once.
    /// </summary>
    public async Task<IReadOnlyList<Claim>> ClaimAsync(int batches, CancellationToken ct)
    {
        if (settings.Database.Provider != Infrastructure.Settings.DatabaseProvider.Postgres)
            return await groupCommit.RunAsync((writer, token) => ClaimBatchesAsync(writer, batches, token), ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claims = await ClaimBatchesAsync(db, batches, ct);
        await transaction.CommitAsync(ct);
        return claims;
    }

    private async Task<IReadOnlyList<Claim>> ClaimBatchesAsync(QunfaDbContext db, int batches, CancellationToken token)
    {
        var claims = new List<Claim>(batches);
        var now = time.GetUtcNow();
        var fullTask = 0L;
        while (claims.Count < batches)
        {
            // Sees this transaction's earlier claims: a big task yields its next rows, a finished one the next task. A task
            // whose last claim came back full is claimed again without asking: on PostgreSQL that question walks the
            // status index past every row claimed since the last vacuum.
            var taskId = fullTask != 0 ? fullTask : await ClaimStore.NextDueTaskAsync(db, now, token);
            if (taskId == 0) break;
            var shape = await ShapeAsync(db, taskId, token);
            var claimId = Guid.NewGuid().ToString("N")[..24];
            var recoverAt = now + options.Value.RecoveryDelay;
            if (shape.NumberCount < SmallTask)
            {
                var mixed = await ClaimStore.ClaimSmallTasksAsync(db, shape.TemplateCode, SmallTask, SendBatchSmsRequest.MaxRecipients, claimId, now, recoverAt, token);
                if (mixed.Count == 0) break;
                claims.Add(new Claim(claimId, mixed, await ShapesAsync(db, mixed, token)));
                continue;
            }
            var size = shape.PerRecipient ? SendBatchSmsRequest.MaxRecipients : SendSmsRequest.MaxPhoneNumbers;
            var records = await ClaimStore.ClaimAsync(db, taskId, size, claimId, now, recoverAt, token);
            if (records.Count == 0)
            {
                if (fullTask == 0) break;
                fullTask = 0;
                continue;
            }
            claims.Add(new Claim(claimId, records, Enumerable.Repeat(shape, records.Count).ToArray()));
            fullTask = records.Count == size ? taskId : 0;
        }
        return claims;
    }

    /// <summary>Submits a claimed batch and records the answer; the carrier turn was taken before the claim (<see cref="CarrierPacer"/>).</summary>
    public async Task SendAsync(Claim claim, CancellationToken ct)
    {
        var result = await SubmitAsync(claim, ct);
        await SettleAsync(claim, result, ct);
    }

    private async Task<TaskShape> ShapeAsync(QunfaDbContext db, long taskId, CancellationToken ct) =>
        _shapes.TryGetValue(taskId, out var known) ? known : (await LoadShapesAsync(db, [taskId], ct))[taskId];

    /// <summary>The task of each record; the tasks not known yet are read in one query.</summary>
    private async Task<TaskShape[]> ShapesAsync(QunfaDbContext db, IReadOnlyList<ClaimStore.Claimed> records, CancellationToken ct)
    {
        // The known shapes are taken before the others are loaded: loading may empty the cache.
        var shapes = new Dictionary<long, TaskShape>();
        var unknown = new List<long>();
        foreach (var taskId in records.Select(r => r.TaskId).Distinct())
            if (_shapes.TryGetValue(taskId, out var known)) shapes[taskId] = known;
            else unknown.Add(taskId);
        if (unknown.Count > 0)
            foreach (var (taskId, shape) in await LoadShapesAsync(db, unknown, ct)) shapes[taskId] = shape;
        return records.Select(r => shapes[r.TaskId]).ToArray();
    }

    private async Task<Dictionary<long, TaskShape>> LoadShapesAsync(QunfaDbContext db, List<long> taskIds, CancellationToken ct)
    {
        var tasks = await db.SendTasks.AsNoTracking().Where(t => EF.Parameter(taskIds).Contains(t.Id))
            .Select(t => new { t.Id, t.SignName, t.TemplateCode, t.CommonVariables, t.PerRecipientVariables, t.NumberCount }).ToListAsync(ct);
        if (_shapes.Count > ShapeCacheLimit) _shapes.Clear();
        var shapes = new Dictionary<long, TaskShape>(tasks.Count);
        foreach (var task in tasks)
            _shapes[task.Id] = shapes[task.Id] = new TaskShape(task.Id, task.SignName, task.TemplateCode,
                task.CommonVariables is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(task.CommonVariables),
                task.PerRecipientVariables, task.NumberCount);
        return shapes;
    }

    private async Task<SubmitResult> SubmitAsync(Claim claim, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sms = scope.ServiceProvider.GetRequiredService<IAliyunSmsClient>();
        var task = claim.Tasks[0];
        if (!task.PerRecipient && claim.Tasks.All(t => ReferenceEquals(t, task)))
            return await sms.SendSmsAsync(new SendSmsRequest(claim.Records.Select(r => r.Phone).ToList(), task.SignName, task.TemplateCode, task.Common, claim.Id), ct);
        var recipients = claim.Records.Select((r, i) =>
        {
            var own = claim.Tasks[i];
            var values = new Dictionary<string, string>(own.Common ?? [], StringComparer.Ordinal);
            if (r.Variables is not null)
                foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, string>>(r.Variables)!) values[k] = v;
            return new BatchSmsRecipient(r.Phone, own.SignName, values);
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
                // The answers of the calls in flight together are recorded in one write.
                await answers.RecordAsync(claim.Id, result.BizId, ct);
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
        string phone;
        DateTimeOffset claimedAt;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
            var now = time.GetUtcNow();
            var due = await db.SendRecords.AsNoTracking()
                .Where(r => r.Status == RecipientStatus.Submitting && r.NextAttemptAt <= now)
                .OrderBy(r => r.NextAttemptAt).Select(r => new { r.ClaimId, r.Phone, r.ClaimedAt }).FirstOrDefaultAsync(ct);
            if (due?.ClaimId is null) return 0;
            (claimId, phone, claimedAt) = (due.ClaimId, due.Phone, due.ClaimedAt ?? now);
        }

        bool arrived;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var sms = scope.ServiceProvider.GetRequiredService<IAliyunSmsClient>();
            try
            {
                var sendDate = DateOnly.FromDateTime(claimedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
                var details = await sms.QuerySendDetailsAsync(new QuerySendDetailsRequest(phone, sendDate), ct);
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

    private Task<int> MarkSubmittedAsync(QunfaDbContext db, string claimId, string? bizId, DateTimeOffset now, CancellationToken ct) =>
        db.SendRecords.Where(r => r.ClaimId == claimId && r.Status == RecipientStatus.Submitting)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RecipientStatus.Submitted)
                .SetProperty(r => r.BizId, bizId)
                .SetProperty(r => r.SubmittedAt, now)
                // When a receipt is overdue the carrier is asked (ReceiptFollowUp).
                .SetProperty(r => r.NextAttemptAt, now + options.Value.ReceiptTimeout), ct);

    private TimeSpan Backoff(int attempts) => options.Value.RetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
}
