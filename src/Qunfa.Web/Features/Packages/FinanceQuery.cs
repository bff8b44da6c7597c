using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Packages;

/// <summary>
/// 财务管理 and a customer's 分配记录: grants, allocated or purchased, newest first; searched by 企业名称 / 邮箱 / 订单编号
/// or a 类型 / 来源 name, and a range of 分配时间 days.
/// </summary>
public sealed class FinanceQuery(QunfaDbContext db, OperatorClock clock)
{
    public async Task<PagedList<GrantRow>> ListAsync(string? search, DayRange days, PageRequest page, CancellationToken ct, int? customerId = null)
    {
        // A range the page refused is not run.
        if (!days.IsValid) return new PagedList<GrantRow>([], 0, page);
        var query = GrantService.Rows(db);
        if (customerId is { } id) query = query.Where(r => r.CustomerId == id);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var lower = text.ToLowerInvariant();
            var categories = PackageLabels.Categories.Where(c => PackageLabels.Category(c).Contains(text, StringComparison.Ordinal)).ToList();
            var sources = Enum.GetValues<GrantSource>().Where(s => PackageLabels.Source(s).Contains(text, StringComparison.Ordinal)).ToList();
            query = query.Where(r => r.CompanyName.Contains(text) || r.Email.Contains(lower)
                || (r.OrderNumber != null && r.OrderNumber.Contains(lower))
                || categories.Contains(r.Category) || sources.Contains(r.Source));
        }
        // Days are the operator's: a range of local days is a range of UTC instants, end exclusive.
        if (days.From is { } f)
        {
            var start = clock.DayBounds(f).Start;
            query = query.Where(r => r.CreatedAt >= start);
        }
        if (days.To is { } t)
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
