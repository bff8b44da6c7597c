using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Infrastructure.Time;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Features.Statistics;

/// <summary>
/// 首页: per category the grants' 分配总量 / 已使用量 / 实际余量 and the rollups' today and this-month figures; the
/// signature and template notices. For every customer (admin) or one (console). Reads grants, rollups and the
/// signature/template tables only, never recipient rows.
/// </summary>
public sealed class Dashboard(QunfaDbContext db, OperatorClock clock)
{
    public const int Latest = 5;

    /// <summary>实际余量 is what can still be spent: the remainder of Active, unexpired grants (the balance rule's balance).</summary>
    public sealed record CategoryFigures(SmsCategory Category, long Allocated, long Used, long Remaining,
        long TodayDelivered, long TodayTotal, long MonthDelivered, long MonthTotal);

    public sealed record Notice(int? Id, int CustomerId, string CustomerName, string Name, string? Code, ReviewStatus? Status, DateTimeOffset At, bool ByAdmin = false);

    public sealed record Notices(IReadOnlyDictionary<ReviewStatus, int> PerStatus, IReadOnlyList<Notice> Applications, IReadOnlyList<Notice> Deletions);

    public sealed record Figures(IReadOnlyList<CategoryFigures> Categories, Notices Signatures, Notices Templates);

    public async Task<Figures> LoadAsync(int? customerId, CancellationToken ct)
    {
        var today = clock.Today;
        var monthStart = new DateOnly(today.Year, today.Month, 1);

        var grants = db.PackageGrants.AsNoTracking().AsQueryable();
        if (customerId is { } g) grants = grants.Where(x => x.CustomerId == g);
        var grantSums = await grants
            .GroupBy(x => new { x.Category, Spendable = x.Status == GrantStatus.Active && x.ExpiresOn >= today })
            .Select(x => new { x.Key.Category, x.Key.Spendable, Size = x.Sum(y => (long)y.Size), Used = x.Sum(y => (long)y.Used) })
            .ToListAsync(ct);

        var rollups = db.SendRollups.AsNoTracking().Where(r => r.Day >= monthStart && r.Day <= today);
        if (customerId is { } r) rollups = rollups.Where(x => x.CustomerId == r);
        var sent = await rollups
            .GroupBy(x => new { x.Category, IsToday = x.Day == today })
            .Select(x => new { x.Key.Category, x.Key.IsToday, Delivered = x.Sum(y => y.Delivered), Total = x.Sum(y => y.Numbers - y.Cancelled) })
            .ToListAsync(ct);

        var categories = Packages.PackageLabels.Categories.Select(c =>
        {
            var mine = grantSums.Where(x => x.Category == c).ToList();
            var todays = sent.Where(x => x.Category == c && x.IsToday).ToList();
            var month = sent.Where(x => x.Category == c).ToList();
            return new CategoryFigures(c,
                mine.Sum(x => x.Size), mine.Sum(x => x.Used), mine.Where(x => x.Spendable).Sum(x => x.Size - x.Used),
                todays.Sum(x => x.Delivered), todays.Sum(x => x.Total), month.Sum(x => x.Delivered), month.Sum(x => x.Total));
        }).ToList();

        return new Figures(categories, await SignatureNoticesAsync(customerId, ct), await TemplateNoticesAsync(customerId, ct));
    }

    private async Task<Notices> SignatureNoticesAsync(int? customerId, CancellationToken ct)
    {
        var signatures = db.Signatures.AsNoTracking().AsQueryable();
        if (customerId is { } id) signatures = signatures.Where(s => s.CustomerId == id);
        var perStatus = await signatures.GroupBy(s => s.Status).Select(x => new { x.Key, Count = x.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var applications = await signatures.Where(s => s.Origin == Origin.Applied).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(Latest)
            .Select(s => new Notice(s.Id, s.CustomerId, s.Customer!.CompanyName, s.Name, null, s.Status, s.CreatedAt)).ToListAsync(ct);
        return new Notices(perStatus, applications, await DeletionsAsync(customerId, isTemplate: false, ct));
    }

    private async Task<Notices> TemplateNoticesAsync(int? customerId, CancellationToken ct)
    {
        var templates = db.Templates.AsNoTracking().AsQueryable();
        if (customerId is { } id) templates = templates.Where(t => t.CustomerId == id);
        var perStatus = await templates.GroupBy(t => t.Status).Select(x => new { x.Key, Count = x.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var applications = await templates.Where(t => t.Origin == Origin.Applied).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(Latest)
            .Select(t => new Notice(t.Id, t.CustomerId, t.Customer!.CompanyName, t.Name, t.TemplateCode, t.Status, t.CreatedAt)).ToListAsync(ct);
        return new Notices(perStatus, applications, await DeletionsAsync(customerId, isTemplate: true, ct));
    }

    private async Task<IReadOnlyList<Notice>> DeletionsAsync(int? customerId, bool isTemplate, CancellationToken ct)
    {
        var deletions = db.MessagingDeletions.AsNoTracking().Where(d => d.IsTemplate == isTemplate);
        if (customerId is { } id) deletions = deletions.Where(d => d.CustomerId == id);
        return await deletions.OrderByDescending(d => d.At).ThenByDescending(d => d.Id).Take(Latest)
            .Join(db.Customers, d => d.CustomerId, c => c.Id, (d, c) => new Notice(null, d.CustomerId, c.CompanyName, d.Name, d.TemplateCode, null, d.At, d.ByAdmin))
            .ToListAsync(ct);
    }
}
