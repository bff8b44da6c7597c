using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Replies;
using Qunfa.Web.Infrastructure.Paging;

namespace Qunfa.Web.Features.Replies;

/// <summary>A reply as the admin lists it: with the company it was matched to, if any.</summary>
public sealed record AdminReplyRow(
    long Id, string Phone, string Content, string? SignName, string? DestCode, DateTimeOffset? SentAt, DateTimeOffset ReceivedAt,
    int? CustomerId, string? CompanyName, long? TaskId, bool OptedOut);

/// <summary>上行回复 lists: the customer's own (scoped to its id) and the admin's of everyone, unmatched included.</summary>
public sealed class ReplyQueries(QunfaDbContext db)
{
    public const int MaxSearchLength = 64;

    public async Task<PagedList<InboundReply>> ForCustomerAsync(int customerId, string? phone, PageRequest page, CancellationToken ct)
    {
        var query = db.InboundReplies.AsNoTracking().Where(r => r.CustomerId == customerId);
        if (Search(phone) is { } digits) query = query.Where(r => r.Phone.Contains(digits));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<InboundReply>(items, total, page);
    }

    /// <summary>Searches the number, the content or the company name; <paramref name="unmatchedOnly"/> shows only replies no customer was found for.</summary>
    public async Task<PagedList<AdminReplyRow>> ForAdminAsync(string? search, bool unmatchedOnly, PageRequest page, CancellationToken ct)
    {
        var query =
            from r in db.InboundReplies.AsNoTracking()
            join c in db.Customers.AsNoTracking() on r.CustomerId equals c.Id into cs
            from c in cs.DefaultIfEmpty()
            select new { Reply = r, Company = c == null ? null : c.CompanyName };
        if (unmatchedOnly) query = query.Where(x => x.Reply.CustomerId == null);
        if (Search(search) is { } text)
            query = query.Where(x => x.Reply.Phone.Contains(text) || x.Reply.Content.Contains(text) || (x.Company != null && x.Company.Contains(text)));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(x => x.Reply.Id).Skip(page.Skip).Take(page.Size)
            .Select(x => new AdminReplyRow(x.Reply.Id, x.Reply.Phone, x.Reply.Content, x.Reply.SignName, x.Reply.DestCode, x.Reply.SentAt,
                x.Reply.ReceivedAt, x.Reply.CustomerId, x.Company, x.Reply.TaskId, x.Reply.OptedOut))
            .ToListAsync(ct);
        return new PagedList<AdminReplyRow>(items, total, page);
    }

    private static string? Search(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        return t.Length > MaxSearchLength ? t[..MaxSearchLength] : t;
    }
}
