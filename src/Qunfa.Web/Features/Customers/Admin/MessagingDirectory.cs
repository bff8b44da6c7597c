using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Infrastructure.Paging;

namespace Qunfa.Web.Features.Customers.Admin;

/// <summary>What narrows an admin list of signatures or templates; every part is optional.</summary>
public sealed record MessagingFilter(int? CustomerId = null, string? Search = null, ReviewStatus? Status = null, TemplateType? TemplateType = null, ListSort Sort = ListSort.NewestFirst);

/// <summary>
/// The admin's read side of 签名管理 / 模板管理 and of 查看签名 / 查看模板 for one customer: every
/// customer's rows with the customer's details, or one customer's only.
/// </summary>
public sealed class MessagingDirectory(QunfaDbContext db)
{
    public async Task<PagedList<Signature>> SignaturesAsync(MessagingFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.Signatures.AsNoTracking().Include(s => s.Customer).AsQueryable();
        if (filter.CustomerId is { } customerId) query = query.Where(s => s.CustomerId == customerId);
        if (filter.Status is { } status) query = query.Where(s => s.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            var lower = text.ToLowerInvariant();
            query = query.Where(s => s.Name.Contains(text) || (s.Remark != null && s.Remark.Contains(text))
                || s.Customer!.CompanyName.Contains(text) || s.Customer.Email.Contains(lower)
                || s.Customer.ContactName.Contains(text) || s.Customer.Phone.Contains(text));
        }
        var total = await query.CountAsync(ct);
        var ordered = filter.Sort == ListSort.OldestFirst
            ? query.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            : query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id);
        var items = await ordered.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<Signature>(items, total, page);
    }

    public async Task<PagedList<Template>> TemplatesAsync(MessagingFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.Templates.AsNoTracking().Include(t => t.Customer).AsQueryable();
        if (filter.CustomerId is { } customerId) query = query.Where(t => t.CustomerId == customerId);
        if (filter.Status is { } status) query = query.Where(t => t.Status == status);
        if (filter.TemplateType is { } type) query = query.Where(t => t.Type == type);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            var lower = text.ToLowerInvariant();
            query = query.Where(t => t.Name.Contains(text) || (t.TemplateCode != null && t.TemplateCode.Contains(text))
                || t.Content.Contains(text)
                || t.Customer!.CompanyName.Contains(text) || t.Customer.Email.Contains(lower)
                || t.Customer.ContactName.Contains(text) || t.Customer.Phone.Contains(text));
        }
        var total = await query.CountAsync(ct);
        var ordered = filter.Sort == ListSort.OldestFirst
            ? query.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            : query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id);
        var items = await ordered.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<Template>(items, total, page);
    }

    public Task<Signature?> FindSignatureAsync(int id, CancellationToken ct) =>
        db.Signatures.AsNoTracking().Include(s => s.Customer).FirstOrDefaultAsync(s => s.Id == id, ct);

    public Task<Template?> FindTemplateAsync(int id, CancellationToken ct) =>
        db.Templates.AsNoTracking().Include(t => t.Customer).FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>The signature tracked, to hand to <c>MessagingRemoval</c>.</summary>
    public Task<Signature?> SignatureForRemovalAsync(int id, CancellationToken ct) =>
        db.Signatures.FirstOrDefaultAsync(s => s.Id == id, ct);

    public Task<Template?> TemplateForRemovalAsync(int id, CancellationToken ct) =>
        db.Templates.FirstOrDefaultAsync(t => t.Id == id, ct);
}
