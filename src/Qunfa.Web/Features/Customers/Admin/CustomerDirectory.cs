using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Infrastructure.Paging;

namespace Qunfa.Web.Features.Customers.Admin;

/// <summary>One customer as the admin picks it for 分配签名 / 分配模板.</summary>
public sealed record CustomerChoice(int Id, string CompanyName, string ContactName, string Phone);

/// <summary>The admin's read side of 用户管理: the paged, searchable list and the customer pickers.</summary>
public sealed class CustomerDirectory(QunfaDbContext db)
{
    /// <summary>How many matches the customer picker shows at once; the operator narrows with the search.</summary>
    public const int ChoiceLimit = 50;

    public async Task<PagedList<Customer>> ListAsync(string? search, ListSort sort, PageRequest page, CancellationToken ct)
    {
        var query = Search(db.Customers.AsNoTracking(), search);
        var total = await query.CountAsync(ct);
        var ordered = sort == ListSort.OldestFirst
            ? query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
        var items = await ordered.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<Customer>(items, total, page);
    }

    public Task<Customer?> FindAsync(int id, CancellationToken ct) =>
        db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The customers matching <paramref name="search"/> (at most <see cref="ChoiceLimit"/>), by company name.</summary>
    public Task<List<CustomerChoice>> ChoicesAsync(string? search, CancellationToken ct) =>
        Search(db.Customers.AsNoTracking(), search)
            .OrderBy(c => c.CompanyName).ThenBy(c => c.Id)
            .Take(ChoiceLimit)
            .Select(c => new CustomerChoice(c.Id, c.CompanyName, c.ContactName, c.Phone))
            .ToListAsync(ct);

    /// <summary>The chosen customers that still exist, whatever the current search shows.</summary>
    public async Task<List<CustomerChoice>> ChosenAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var distinct = ids.Distinct().Take(5000).ToList();
        return await db.Customers.AsNoTracking()
            .Where(c => distinct.Contains(c.Id))
            .OrderBy(c => c.CompanyName).ThenBy(c => c.Id)
            .Select(c => new CustomerChoice(c.Id, c.CompanyName, c.ContactName, c.Phone))
            .ToListAsync(ct);
    }

    public Task<int> CountAsync(CancellationToken ct) => db.Customers.CountAsync(ct);

    /// <summary>企业名称, 邮箱, 联系人 or 手机号 containing the text (emails are stored in lower case).</summary>
    internal static IQueryable<Customer> Search(IQueryable<Customer> query, string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return query;
        var text = search.Trim();
        var lower = text.ToLowerInvariant();
        return query.Where(c => c.CompanyName.Contains(text) || c.Email.Contains(lower) || c.ContactName.Contains(text) || c.Phone.Contains(text));
    }
}
