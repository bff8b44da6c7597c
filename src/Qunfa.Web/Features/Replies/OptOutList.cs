using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Replies;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Replies;

/// <summary>退订名单 as the customer manages it; every call is scoped to the customer id it is given.</summary>
public sealed class OptOutList(QunfaDbContext db, TimeProvider time)
{
    public async Task<PagedList<OptOut>> ListAsync(int customerId, string? phone, PageRequest page, CancellationToken ct)
    {
        var query = db.OptOuts.AsNoTracking().Where(o => o.CustomerId == customerId);
        if (!string.IsNullOrWhiteSpace(phone))
        {
            var digits = phone.Trim();
            query = query.Where(o => o.Phone.Contains(digits));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(o => o.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<OptOut>(items, total, page);
    }

    public Task<OptOut?> FindAsync(int customerId, long id, CancellationToken ct) =>
        db.OptOuts.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, ct);

    public async Task<Outcome> AddAsync(int customerId, string? phone, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(phone)) return Outcome.Fail("Phone", ReplyMessages.PhoneRequired);
        var normalized = Sending.Recipients.PhoneNumberRules.Normalize(phone, international: false, out _)
            ?? Sending.Recipients.PhoneNumberRules.Normalize(phone, international: true, out _);
        if (normalized is null) return Outcome.Fail("Phone", ReplyMessages.PhoneInvalid);
        if (await db.OptOuts.AnyAsync(o => o.CustomerId == customerId && o.Phone == normalized, ct))
            return Outcome.Fail("Phone", ReplyMessages.AlreadyOptedOut);
        db.OptOuts.Add(new OptOut { CustomerId = customerId, Phone = normalized, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Fail("Phone", ReplyMessages.AlreadyOptedOut);
        }
        return Outcome.Ok();
    }

    /// <summary>False when the number is not (or no longer) on this customer's list.</summary>
    public async Task<bool> RemoveAsync(int customerId, long id, CancellationToken ct) =>
        await db.OptOuts.Where(o => o.Id == id && o.CustomerId == customerId).ExecuteDeleteAsync(ct) > 0;
}
