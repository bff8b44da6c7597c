using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending.Checks;
using Qunfa.Web.Features.Sending.Dispatch;
using Qunfa.Web.Features.Statistics;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Sending;

/// <summary>
/// Accepts a send whole or not at all: every rule is checked, the grants are charged with conditional
/// updates, and the task with one row per recipient is written in one transaction before the customer
/// is told "submitted" (docs/decisions/0006). Small sends share their transaction with the other small sends
/// of the moment (<see cref="GroupCommit"/>).
/// </summary>
public sealed class SendAcceptance(QunfaDbContext db, OperatorClock clock, DispatchSignal dispatch, GroupCommit groupCommit, SendingStates states, ILogger<SendAcceptance> logger)
{
    /// <summary>Sends up to this many numbers share a transaction with the sends made at the same moment.</summary>
    public const int GroupCommitLimit = 1000;

    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(30);
    private const int ChargeAttempts = 3;

    public sealed record Accepted(long TaskId, int Recipients, long Segments);

    /// <param name="state">The customer's sending state already proven current for this request, if the caller has it.</param>
    public async Task<(Accepted? Task, Outcome Outcome)> AcceptAsync(SendRequest request, CancellationToken ct, CustomerSendingState? state = null)
    {
        state ??= await states.CurrentAsync(db, request.CustomerId, ct) ?? throw new InvalidOperationException($"No customer {request.CustomerId}.");
        if (state.IsFrozen) return (null, Outcome.Fail("", SendMessages.Frozen));
        var signature = state.Signature(request.SignName);
        if (signature is null) return (null, Outcome.Fail("SignName", SendMessages.SignatureNotUsable));
        var template = state.Template(request.TemplateId);
        if (template is null) return (null, Outcome.Fail("TemplateId", SendMessages.TemplateNotUsable));
        if (signature.Type == SignatureType.VerificationCode && template.Type != TemplateType.VerificationCode)
            return (null, Outcome.Fail("SignName", SendMessages.SceneMismatch));
        if (!request.Recipients.IsAccepted)
            return (null, Outcome.Fail("Recipients", request.Recipients.Problems.FirstOrDefault() ?? SendMessages.NoRecipients));
        var now = clock.UtcNow;
        if (request.ScheduledAt is { } at && (at <= now || at > now + MaxScheduleAhead))
            return (null, Outcome.Fail("ScheduledAt", SendMessages.ScheduleOutOfRange));

        var (segments, problem) = SegmentsPerRecipient(request, signature.Name, template.Content);
        if (problem is not null) return (null, Outcome.Fail("", problem));
        var plan = new Plan(request, signature.Name, template, segments, CategoryOf(template.Type), now, clock);

        for (var attempt = 1; attempt <= ChargeAttempts; attempt++)
        {
            try
            {
                var accepted = request.Recipients.ValidCount <= GroupCommitLimit
                    ? await groupCommit.RunAsync((writer, shared, token) => WriteAsync(writer, shared, plan, token), ct)
                    : await WriteAloneAsync(plan, ct);
                request.WriteCheck?.Committed();
                if (accepted is null) return (null, Outcome.Fail("", SendMessages.BalanceTooLow));
                if (request.ScheduledAt is null) dispatch.Wake();
                return (accepted, Outcome.Ok());
            }
            catch (ChargeableGrants.BalanceChangedException)
            {
                logger.LogInformation("Balance changed while charging customer {Customer}; attempt {Attempt}", request.CustomerId, attempt);
            }
        }
        return (null, Outcome.Fail("", SendMessages.BalanceTooLow));
    }

    private sealed record Plan(SendRequest Request, string SignName, Template Template, int[] Segments, SmsCategory Category, DateTimeOffset Now, OperatorClock Clock);

    private async Task<Accepted?> WriteAloneAsync(Plan plan, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var accepted = await WriteAsync(db, null, plan, ct);
            if (accepted is not null) await transaction.CommitAsync(ct);
            return accepted;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Charges the grants and writes the task with its recipients inside the caller's transaction; null when the
    /// balance does not cover the send. On PostgreSQL a small send's statements go as one batch after the grants are
    /// read (<see cref="WriteBatch"/>): two round trips for the whole write — or, inside a group commit's shared batch,
    /// none of its own once an earlier send of the batch has read the customer's grants.
    /// </summary>
    private static async Task<Accepted?> WriteAsync(QunfaDbContext target, GroupCommit.Shared? shared, Plan plan, CancellationToken ct)
    {
        var request = plan.Request;
        var write = shared?.Write ?? new WriteBatch(target);
        var (grants, reservedTaskId) = shared is not null
            ? await shared.State<ChargeableGrants.Held>().ReadAsync(target, request.CustomerId, shared.Units, ct)
            : await ChargeableGrants.ReadAsync(target, request.CustomerId, reserveTaskId: write.IsHeld, ct);
        if (request.WriteCheck is { } check) await check.AddToAsync(write, target, request.CustomerId, ct);
        var paidBy = BalanceRule.Allocate(grants, plan.Category, plan.Segments, plan.Clock.Today);
        if (paidBy is null)
        {
            // Refused for its balance, the send still uses its nonce.
            if (shared is null) await write.FlushAsync(ct);
            return null;
        }
        await ChargeAsync(write, shared, grants, paidBy, plan.Segments, ct);
        var perRecipient = request.Recipients.Valid.Count > 0 && request.Recipients.Valid[0].Variables is not null;
        var task = new SendTask
        {
            CustomerId = request.CustomerId,
            MemberId = request.MemberId,
            SignName = plan.SignName,
            TemplateId = plan.Template.Id,
            TemplateCode = plan.Template.TemplateCode!,
            TemplateName = plan.Template.Name,
            TemplateType = plan.Template.Type,
            Category = plan.Category,
            TemplateContent = plan.Template.Content,
            CommonVariables = request.CommonVariables is { Count: > 0 } common ? JsonSerializer.Serialize(common) : null,
            PerRecipientVariables = perRecipient,
            NumberCount = request.Recipients.ValidCount,
            InvalidCount = request.Recipients.InvalidCount,
            DuplicateCount = request.Recipients.DuplicateCount,
            BilledSegments = plan.Segments.Sum(s => (long)s),
            Status = SendTaskStatus.Queued,
            CreatedAt = plan.Now,
            ScheduledAt = request.ScheduledAt,
            Source = request.Source,
            SourceFileName = request.SourceFileName is { Length: > SendTask.MaxSourceFileNameLength } name ? name[..SendTask.MaxSourceFileNameLength] : request.SourceFileName,
        };
        if (reservedTaskId is { } id)
        {
            task.Id = id;
            var (oneRow, manyRows, values) = RowInsert.WithKey(target, task);
            await write.AddRowAsync(oneRow, manyRows, values, ct);
        }
        else
            task.Id = await RowInsert.InsertAsync(target, task, ct);
        var rows = Rows(request, plan.Segments, paidBy, perRecipient);
        var nextAttempt = request.ScheduledAt ?? plan.Now;
        if (write.IsHeld && task.NumberCount <= BatchedRows)
            foreach (var row in rows) await RecipientWriter.AddAsync(write, target, task.Id, request.CustomerId, row, nextAttempt, ct);
        else
        {
            await write.FlushAsync(ct);
            await RecipientWriter.WriteAsync(target, task.Id, request.CustomerId, rows, nextAttempt, ct);
        }
        if (shared is not null) shared.State<RollupWriter.Held>().Accepted(shared, task, plan.Clock);
        else
        {
            var (rollup, rollupValues) = new RollupWriter(target, plan.Clock).Accepted(task);
            await write.AddAsync(rollup, rollupValues, ct);
        }
        if (request.Api is { } api)
            await write.AddRowAsync(ApiSend, ApiSends, [task.Id, api.KeyId, api.OutId], ct);
        if (shared is null) await write.FlushAsync(ct);
        return new Accepted(task.Id, task.NumberCount, task.BilledSegments);
    }

    private const string ApiSend = """INSERT INTO "ApiSends" ("TaskId", "ApiKeyId", "OutId") VALUES (@p0, @p1, @p2)""";
    private static readonly string ApiSends = RowInsert.ManyRows("\"ApiSends\"", [("\"TaskId\"", "bigint"), ("\"ApiKeyId\"", "integer"), ("\"OutId\"", "varchar")]);

    /// <summary>Up to this many recipient rows go into a send's batch as rows of its statements; more go by COPY.</summary>
    private const int BatchedRows = 20;

    public static SmsCategory CategoryOf(TemplateType type) => type switch
    {
        TemplateType.VerificationCode => SmsCategory.VerificationCode,
        TemplateType.Notification => SmsCategory.Notification,
        TemplateType.Promotion => SmsCategory.Promotion,
        _ => SmsCategory.General,
    };

    /// <summary>Each recipient's billed segments, or the reason the send is refused (a missing value, over 500 characters).</summary>
    private static (int[] Segments, string? Problem) SegmentsPerRecipient(SendRequest request, string signName, string templateContent)
    {
        var recipients = request.Recipients.Valid;
        var result = new int[recipients.Count];
        var common = request.CommonVariables ?? new Dictionary<string, string>();
        int? shared = null;
        for (var i = 0; i < recipients.Count; i++)
        {
            if (recipients[i].Variables is null && shared is { } known)
            {
                result[i] = known;
                continue;
            }
            var values = recipients[i].Variables is { } own ? Merge(common, own) : common;
            var text = TemplateText.Fill(templateContent, values);
            if (TemplateText.Variables(text).Count > 0) return ([], SendMessages.MissingVariables);
            var count = Segments.Count(Segments.Compose(signName, text));
            if (count == 0) return ([], SendMessages.TooLong);
            result[i] = count;
            if (recipients[i].Variables is null) shared = count;
        }
        return (result, null);
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> common, IReadOnlyDictionary<string, string> own)
    {
        var merged = new Dictionary<string, string>(common, StringComparer.Ordinal);
        foreach (var (k, v) in own) merged[k] = v;
        return merged;
    }

    /// <summary>One conditional update per grant: it succeeds only while the grant still has room.</summary>
    private static async Task ChargeAsync(WriteBatch write, GroupCommit.Shared? shared, List<PackageGrant> grants, int[] paidBy, int[] segments, CancellationToken ct)
    {
        var perGrant = new Dictionary<int, int>();
        for (var i = 0; i < paidBy.Length; i++) perGrant[paidBy[i]] = perGrant.GetValueOrDefault(paidBy[i]) + segments[i];
        foreach (var (grantId, amount) in perGrant)
            if (shared is not null) shared.State<ChargeableGrants.Held>().Charge(shared, grants, grantId, amount);
            else await ChargeableGrants.AddChargeAsync(write, grantId, amount, ct);
    }

    private static IEnumerable<RecipientWriter.Row> Rows(SendRequest request, int[] segments, int[] paidBy, bool perRecipient)
    {
        var recipients = request.Recipients.Valid;
        for (var i = 0; i < recipients.Count; i++)
        {
            var recipient = recipients[i];
            yield return new RecipientWriter.Row(
                recipient.Phone,
                perRecipient && recipient.Variables is not null ? JsonSerializer.Serialize(recipient.Variables) : null,
                segments[i],
                paidBy[i]);
        }
    }
}
