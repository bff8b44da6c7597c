using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.Web.Features.Replies;

/// <summary>
/// Takes the numbers on a customer's 退订名单 out of a promotion's recipients before it is accepted;
/// other kinds of message still reach them. Every send path calls it between building the list and
/// <see cref="Sending.SendAcceptance"/>.
/// </summary>
public sealed class OptOutFilter(QunfaDbContext db)
{
    /// <summary>The list to send and the numbers taken out of it, which the preview lists.</summary>
    public sealed record Filtered(RecipientList Recipients, IReadOnlyList<string> Dropped)
    {
        public int OptedOutCount => Dropped.Count;
    }

    /// <summary>For callers that know the template only by id (an unknown id filters nothing; acceptance refuses it anyway).</summary>
    public async Task<Filtered> ApplyForTemplateAsync(int customerId, int templateId, RecipientList recipients, CancellationToken ct)
    {
        var type = await db.Templates.AsNoTracking().Where(t => t.Id == templateId && t.CustomerId == customerId)
            .Select(t => (TemplateType?)t.Type).FirstOrDefaultAsync(ct);
        return type is { } known ? await ApplyAsync(customerId, known, recipients, ct) : new(recipients, []);
    }

    public async Task<Filtered> ApplyAsync(int customerId, TemplateType templateType, RecipientList recipients, CancellationToken ct)
    {
        if (templateType != TemplateType.Promotion || recipients.ValidCount == 0) return new(recipients, []);
        var optedOut = (await db.OptOuts.AsNoTracking().Where(o => o.CustomerId == customerId).Select(o => o.Phone).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        if (optedOut.Count == 0) return new(recipients, []);
        var kept = new List<ValidRecipient>(recipients.ValidCount);
        var dropped = new List<string>();
        foreach (var r in recipients.Valid)
            if (optedOut.Contains(r.Phone)) dropped.Add(r.Phone);
            else kept.Add(r);
        if (dropped.Count == 0) return new(recipients, []);
        return new(new RecipientList(kept, recipients.InvalidCount, recipients.DuplicateCount, recipients.InvalidSamples, recipients.Problems), dropped);
    }
}
