using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Notifications;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Replies;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.Web.Features.Replies;

/// <summary>
/// Stores an SmsUp reply once, matched to the customer whose message the number most recently got,
/// and puts the number on that customer's 退订名单 when it answers a promotion with an opt-out word.
/// A reply without content or number is refused: there is nothing to show or to match.
/// </summary>
public sealed class ReplyIngestion(QunfaDbContext db, TimeProvider time, ILogger<ReplyIngestion> logger)
{
    /// <summary>A reply is taken as an answer to a message sent at most this long before.</summary>
    public static readonly TimeSpan MatchWindow = TimeSpan.FromDays(30);

    public enum Result
    {
        Stored,
        Duplicate,
        Refused,
    }

    public async Task<Result> StoreAsync(InboundMessage message, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(message.Content) || string.IsNullOrWhiteSpace(message.PhoneNumber))
        {
            logger.LogWarning("Refused an SmsUp reply without {Missing} (sequence id {SequenceId})",
                string.IsNullOrWhiteSpace(message.Content) ? "content" : "phone number", message.SequenceId);
            return Result.Refused;
        }
        var phone = ReplyPhone.Normalize(message.PhoneNumber);
        var sequenceId = string.IsNullOrWhiteSpace(message.SequenceId) ? Fingerprint(message) : message.SequenceId.Trim();
        if (await db.InboundReplies.AnyAsync(r => r.SequenceId == sequenceId && r.Phone == phone, ct)) return Result.Duplicate;

        var now = time.GetUtcNow();
        var sign = string.IsNullOrWhiteSpace(message.SignName) ? null : message.SignName.Trim();
        var match = await MatchAsync(phone, sign, now, ct);
        var reply = new InboundReply
        {
            Phone = phone,
            Content = Limit(message.Content, 1000),
            SignName = sign is null ? null : Limit(sign, 64),
            DestCode = string.IsNullOrEmpty(message.DestCode) ? null : Limit(message.DestCode, 32),
            SequenceId = Limit(sequenceId, 64),
            SentAt = message.SendTime?.ToUniversalTime(),
            ReceivedAt = now,
            CustomerId = match?.CustomerId,
            TaskId = match?.TaskId,
            RecordId = match?.RecordId,
            OptedOut = match is { Type: TemplateType.Promotion } && OptOutWords.Matches(message.Content),
        };
        db.InboundReplies.Add(reply);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same reply arrived through another path at the same moment.
            db.ChangeTracker.Clear();
            return Result.Duplicate;
        }

        if (reply.OptedOut)
            await OptOutAsync(reply.CustomerId!.Value, phone, reply.Id, now, ct);
        return Result.Stored;
    }

    private sealed record Match(int CustomerId, long TaskId, long RecordId, TemplateType Type);

    /// <summary>The customer a reply from <paramref name="phone"/> under <paramref name="sign"/> would be matched to now.</summary>
    public async Task<int?> CustomerMatchedAsync(string phone, string sign, CancellationToken ct) =>
        (await MatchAsync(ReplyPhone.Normalize(phone), sign, time.GetUtcNow(), ct))?.CustomerId;

    private async Task<Match?> MatchAsync(string phone, string? sign, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - MatchWindow;
        var query =
            from r in db.SendRecords.AsNoTracking()
            join t in db.SendTasks.AsNoTracking() on r.TaskId equals t.Id
            where r.Phone == phone && r.Status != RecipientStatus.Queued && t.CreatedAt >= since
            select new { r.Id, r.TaskId, r.CustomerId, t.TemplateType, t.SignName };
        if (sign is not null) query = query.Where(x => x.SignName == sign);
        var found = await query.OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        return found is null ? null : new Match(found.CustomerId, found.TaskId, found.Id, found.TemplateType);
    }

    private async Task OptOutAsync(int customerId, string phone, long replyId, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.OptOuts.AnyAsync(o => o.CustomerId == customerId && o.Phone == phone, ct)) return;
        db.OptOuts.Add(new OptOut { CustomerId = customerId, Phone = phone, CreatedAt = now, SourceReplyId = replyId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            logger.LogInformation("{Phone} was already on customer {Customer}'s opt-out list", phone, customerId);
        }
    }

    /// <summary>Without a sequence id, the same reply is still recognised by what it says and when.</summary>
    private static string Fingerprint(InboundMessage m) =>
        "h" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{m.SendTime:O}\n{m.DestCode}\n{m.Content}")))[..32];

    private static string Limit(string value, int length) => value.Length <= length ? value : value[..length];
}
