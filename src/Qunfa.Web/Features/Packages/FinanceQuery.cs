using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Packages;

/// <summary>财务管理: every grant, allocated or purchased, newest first; search by 企业名称 / 邮箱 and a range of 分配时间 days.</summary>
public sealed class FinanceQuery(QunfaDbContext db, OperatorClock clock)
{
    public async Task<PagedList<GrantRow>> ListAsync(string? search, DateOnly? from, DateOnly? to, PageRequest page, CancellationToken ct)
    {
        var query = GrantService.Rows(db);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var lower = text.ToLowerInvariant();
            query = query.Where(r => r.CompanyName.Contains(text) || r.Email.Contains(lower));
        }
        // Days are the operator's: a range of local days is a range of UTC instants, end exclusive.
        if (from is { } f)
        {
            var start = clock.DayBounds(f).Start;
            query = query.Where(r => r.CreatedAt >= start);
        }
        if (to is { } t)
        {
            var end = clock.DayBounds(t).End;
            query = query.Where(r => r.CreatedAt < end);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<GrantRow>(items, total, page);
    }
}
