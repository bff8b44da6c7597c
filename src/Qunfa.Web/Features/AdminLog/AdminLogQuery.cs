using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.AdminLog;

/// <summary>One operator-local day of the admin log, newest first.</summary>
public sealed class AdminLogQuery(QunfaDbContext db, OperatorClock clock)
{
    public async Task<PagedList<AdminLogEntry>> ForDayAsync(DateOnly day, PageRequest page, CancellationToken ct)
    {
        var (start, end) = clock.DayBounds(day);
        var query = db.AdminLog.AsNoTracking().Where(e => e.At >= start && e.At < end);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<AdminLogEntry>(items, total, page);
    }
}
