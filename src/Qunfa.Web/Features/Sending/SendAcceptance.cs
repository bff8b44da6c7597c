using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending.Dispatch;
using Qunfa.Web.Features.Statistics;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Features.Sending;

/// <summary>
/// Accepts a send whole or not at all: every rule is checked, the grants are charged with conditional
/// updates, and the task with one row per recipient is written in one transaction before the customer
/// is told "submitted" (docs/decisions/0006).
/// </summary>
public sealed class SendAcceptance(QunfaDbContext db, OperatorClock clock, DispatchSignal dispatch, RollupWriter rollups, ILogger<SendAcceptance> logger)
{
    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(30);
    private const int ChargeAttempts = 3;

    public sealed record Accepted(long TaskId, int Recipients, long Segments);

    public async Task<(Accepted? Task, Outcome Outcome)> AcceptAsync(SendRequest request, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == request.CustomerId, ct);
        if (customer.IsFrozen) return (null, Outcome.Fail("", SendMessages.Frozen));
        var signature = await db.Signatures.AsNoTracking().FirstOrDefaultAsync(
            s => s.CustomerId == request.CustomerId && s.Name == request.SignName && s.Status == ReviewStatus.Approved, ct);
        if (signature is null) return (null, Outcome.Fail("SignName", SendMessages.SignatureNotUsable));
        var template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(
            t => t.CustomerId == request.CustomerId && t.Id == request.TemplateId && t.Status == ReviewStatus.Approved && t.TemplateCode != null, ct);
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
        var category = CategoryOf(template.Type);
        var perRecipient = request.Recipients.Valid.Count > 0 && request.Recipients.Valid[0].Variables is not null;

        for (var attempt = 1; attempt <= ChargeAttempts; attempt++)
        {
            var grants = await db.PackageGrants.AsNoTracking().Where(g => g.CustomerId == request.CustomerId).ToListAsync(ct);
            var paidBy = BalanceRule.Allocate(grants, category, segments, clock.Today);
            if (paidBy is null) return (null, Outcome.Fail("", SendMessages.BalanceTooLow));

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await ChargeAsync(paidBy, segments, ct))
            {
                // Another send spent from the same grants since they were read: plan again.
                await transaction.RollbackAsync(ct);
                logger.LogInformation("Balance changed while charging customer {Customer}; attempt {Attempt}", request.CustomerId, attempt);
                continue;
            }
            var task = new SendTask
            {
                CustomerId = request.CustomerId,
                SignName = signature.Name,
                TemplateId = template.Id,
                TemplateCode = template.TemplateCode!,
                TemplateName = template.Name,
                TemplateType = template.Type,
                Category = category,
                TemplateContent = template.Content,
                CommonVariables = request.CommonVariables is { Count: > 0 } common ? JsonSerializer.Serialize(common) : null,
                PerRecipientVariables = perRecipient,
                NumberCount = request.Recipients.ValidCount,
                InvalidCount = request.Recipients.InvalidCount,
                DuplicateCount = request.Recipients.DuplicateCount,
                BilledSegments = segments.Sum(s => (long)s),
                Status = SendTaskStatus.Queued,
                CreatedAt = now,
                ScheduledAt = request.ScheduledAt,
            };
            db.SendTasks.Add(task);
            await db.SaveChangesAsync(ct);
            await RecipientWriter.WriteAsync(db, task.Id, request.CustomerId, Rows(request, segments, paidBy, perRecipient), request.ScheduledAt ?? now, ct);
            await rollups.AcceptedAsync(task, ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            if (request.ScheduledAt is null) dispatch.Wake();
            return (new Accepted(task.Id, task.NumberCount, task.BilledSegments), Outcome.Ok());
        }
        return (null, Outcome.Fail("", SendMessages.BalanceTooLow));
    }

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
    private async Task<bool> ChargeAsync(int[] paidBy, int[] segments, CancellationToken ct)
    {
        var perGrant = new Dictionary<int, int>();
        for (var i = 0; i < paidBy.Length; i++) perGrant[paidBy[i]] = perGrant.GetValueOrDefault(paidBy[i]) + segments[i];
        foreach (var (grantId, amount) in perGrant)
        {
            var charged = await db.PackageGrants
                .Where(g => g.Id == grantId && g.Status == GrantStatus.Active && g.Used + amount <= g.Size)
                .ExecuteUpdateAsync(u => u.SetProperty(g => g.Used, g => g.Used + amount), ct);
            if (charged != 1) return false;
        }
        return true;
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
