using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Workers;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Features.Messaging;

/// <summary>
/// A review report (MNS or HTTP push) only says "look now": the named items under review are checked
/// at the next tick of the review sync, which asks the carrier itself. A forged push therefore changes
/// nothing but the timing of a check.
/// </summary>
public sealed class ReviewHints(QunfaDbContext db, ReviewSyncWorker sync, TimeProvider time)
{
    public async Task<int> SignaturesAsync(IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return Nudged(await db.Signatures.Where(s => s.Status == ReviewStatus.UnderReview && names.Contains(s.Name))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextReviewCheckAt, now), ct));
    }

    public async Task<int> TemplatesAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return Nudged(await db.Templates.Where(t => t.Status == ReviewStatus.UnderReview && t.TemplateCode != null && codes.Contains(t.TemplateCode))
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.NextReviewCheckAt, now), ct));
    }

    private int Nudged(int changed)
    {
        if (changed > 0) sync.Nudge();
        return changed;
    }
}
