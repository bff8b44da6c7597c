using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Replies;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Sandbox;

/// <summary>
/// 模拟上行回复: in a trial, a reply "from" one of the customer's recent recipients is put on the sandbox
/// carrier's SmsUp queue, so that it is read, matched and applied (T/TD/退订/N opt-outs) exactly like a real one.
/// </summary>
public sealed class ReplySimulator(QunfaDbContext db, SandboxMessages sandbox, ReplyIngestion ingestion)
{
    public const int MaxContentLength = 500;
    public const int RecentTasks = 10;
    public const int RecentRecipients = 20;
    public const string NotSandboxMessage = "只有沙箱通道可以模拟上行回复";
    public const string NotRecipientMessage = "请选择您最近发送过的号码";
    public const string NotLatestSenderMessage = "该号码最近收到的短信不是您发送的，无法模拟回复";
    public const string ContentRequiredMessage = "请输入回复内容";
    public const string ContentTooLongMessage = "回复内容不能超过500个字";

    public sealed record Recipient(string Phone, string SignName);

    public bool IsAvailable => sandbox.Active is not null;

    /// <summary>The numbers of the customer's latest tasks that reached the carrier, newest first, each once.</summary>
    public async Task<IReadOnlyList<Recipient>> RecentAsync(int customerId, CancellationToken ct)
    {
        var tasks = await db.SendTasks.AsNoTracking().Where(t => t.CustomerId == customerId)
            .OrderByDescending(t => t.CreatedAt).Take(RecentTasks).Select(t => new { t.Id, t.SignName }).ToListAsync(ct);
        var recipients = new List<Recipient>();
        foreach (var task in tasks)
        {
            var phones = await db.SendRecords.AsNoTracking()
                .Where(r => r.TaskId == task.Id && r.Status != RecipientStatus.Queued && r.Status != RecipientStatus.Cancelled)
                .OrderByDescending(r => r.Id).Select(r => r.Phone).Take(RecentRecipients).ToListAsync(ct);
            recipients.AddRange(phones.Where(p => recipients.All(r => r.Phone != p)).Select(p => new Recipient(p, task.SignName)));
            if (recipients.Count >= RecentRecipients) break;
        }
        return recipients.Take(RecentRecipients).ToList();
    }

    public async Task<Outcome> SimulateAsync(int customerId, string? phone, string? content, CancellationToken ct)
    {
        if (sandbox.Active is not { } carrier) return Outcome.Fail("", NotSandboxMessage);
        var o = new Outcome().Require("Content", content, ContentRequiredMessage);
        if (content is { Length: > MaxContentLength }) o.Add("Content", ContentTooLongMessage);
        var recipient = (await RecentAsync(customerId, ct)).FirstOrDefault(r => r.Phone == ReplyPhone.Normalize(phone ?? ""));
        if (recipient is null) o.Add("Phone", NotRecipientMessage);
        if (!o.Succeeded) return o;
        // Another customer's later message to the same number would get the reply (and its opt-out).
        if (await ingestion.CustomerMatchedAsync(recipient!.Phone, recipient.SignName, ct) != customerId)
            return Outcome.Fail("Phone", NotLatestSenderMessage);
        carrier.InjectSmsUp(recipient.Phone, content!.Trim(), recipient.SignName);
        return o;
    }
}
