using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.AdminLog;

/// <summary>One operator-local day of the admin log, newest first, with who did each (操作人), optionally of one admin only.</summary>
public sealed class AdminLogQuery(QunfaDbContext db, OperatorClock clock)
{
    /// <summary>An entry and its operator; the operator is null for sign-in tries of unknown accounts and for removed admins.</summary>
    public sealed record Row(AdminLogEntry Entry, string? OperatorName, string? OperatorEmail);

    public sealed record Operator(int Id, string Name, string Email);

    public async Task<PagedList<Row>> ForDayAsync(DateOnly day, int? operatorId, PageRequest page, CancellationToken ct)
    {
        var (start, end) = clock.DayBounds(day);
        var entries = db.AdminLog.AsNoTracking().Where(e => e.At >= start && e.At < end);
        if (operatorId is { } id) entries = entries.Where(e => e.AdminUserId == id);
        var total = await entries.CountAsync(ct);
        var items = await (
                from e in entries
                join a in db.AdminUsers on e.AdminUserId equals (int?)a.Id into operators
                from a in operators.DefaultIfEmpty()
                orderby e.At descending, e.Id descending
                select new Row(e, a == null ? null : a.Name, a == null ? null : a.Email))
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<Row>(items, total, page);
    }

    /// <summary>Every current admin, for the 操作人 filter.</summary>
    public async Task<IReadOnlyList<Operator>> OperatorsAsync(CancellationToken ct) =>
        await db.AdminUsers.AsNoTracking().OrderBy(a => a.Id).Select(a => new Operator(a.Id, a.Name, a.Email)).ToListAsync(ct);
}
