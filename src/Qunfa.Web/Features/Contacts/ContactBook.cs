using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Contacts;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Contacts;

public sealed record GroupSummary(int Id, string Name, string? Remark, int Count, DateTimeOffset CreatedAt);

public sealed record ContactRow(long Id, string Phone, string? Name, IReadOnlyDictionary<string, string>? Fields);

/// <summary>通讯录 as the customer manages it; every call is scoped to the customer id it is given.</summary>
public sealed class ContactBook(QunfaDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<GroupSummary>> GroupsAsync(int customerId, CancellationToken ct)
    {
        var groups = await db.ContactGroups.AsNoTracking().Where(g => g.CustomerId == customerId).OrderBy(g => g.Id).ToListAsync(ct);
        var ids = groups.Select(g => g.Id).ToList();
        var counts = await db.ContactGroupMembers.AsNoTracking().Where(m => ids.Contains(m.GroupId))
            .GroupBy(m => m.GroupId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. groups.Select(g => new GroupSummary(g.Id, g.Name, g.Remark, counts.GetValueOrDefault(g.Id), g.CreatedAt))];
    }

    public async Task<GroupSummary?> GroupAsync(int customerId, int groupId, CancellationToken ct)
    {
        var group = await db.ContactGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId && g.CustomerId == customerId, ct);
        if (group is null) return null;
        var count = await db.ContactGroupMembers.CountAsync(m => m.GroupId == groupId, ct);
        return new GroupSummary(group.Id, group.Name, group.Remark, count, group.CreatedAt);
    }

    /// <summary>The contacts of one group (null: of the whole 通讯录), newest import last, filtered by number or name.</summary>
    public async Task<PagedList<ContactRow>> ContactsAsync(int customerId, int? groupId, string? search, PageRequest page, CancellationToken ct)
    {
        var query = db.Contacts.AsNoTracking().Where(c => c.CustomerId == customerId);
        if (groupId is { } id) query = query.Where(c => db.ContactGroupMembers.Any(m => m.GroupId == id && m.ContactId == c.Id));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(c => c.Phone.Contains(text) || (c.Name != null && c.Name.Contains(text)));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.Id).Skip(page.Skip).Take(page.Size).Select(c => new { c.Id, c.Phone, c.Name, c.Fields }).ToListAsync(ct);
        return new PagedList<ContactRow>([.. rows.Select(r => new ContactRow(r.Id, r.Phone, r.Name, ContactFields.Parse(r.Fields)))], total, page);
    }

    public async Task<(int? Id, Outcome Outcome)> CreateGroupAsync(int customerId, string? name, string? remark, CancellationToken ct)
    {
        var outcome = Check(name, remark);
        if (!outcome.Succeeded) return (null, outcome);
        var trimmed = name!.Trim();
        if (await db.ContactGroups.AnyAsync(g => g.CustomerId == customerId && g.Name == trimmed, ct))
            return (null, Outcome.Fail("GroupName", ContactMessages.GroupNameTaken));
        var group = new ContactGroup { CustomerId = customerId, Name = trimmed, Remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim(), CreatedAt = time.GetUtcNow() };
        db.ContactGroups.Add(group);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (null, Outcome.Fail("GroupName", ContactMessages.GroupNameTaken));
        }
        return (group.Id, Outcome.Ok());
    }

    public static Outcome Check(string? name, string? remark)
    {
        var outcome = Outcome.Ok();
        if (string.IsNullOrWhiteSpace(name)) outcome.Add("GroupName", ContactMessages.GroupNameRequired);
        else if (name.Trim().Length > ContactGroup.MaxNameLength) outcome.Add("GroupName", ContactMessages.GroupNameTooLong);
        if (remark is { } r && r.Trim().Length > ContactGroup.MaxRemarkLength) outcome.Add("GroupRemark", ContactMessages.RemarkTooLong);
        return outcome;
    }

    /// <summary>Removes the group and its memberships; its contacts stay in the 通讯录 and in their other groups.</summary>
    public async Task<bool> DeleteGroupAsync(int customerId, int groupId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.ContactGroups.AnyAsync(g => g.Id == groupId && g.CustomerId == customerId, ct)) return false;
        await db.ContactGroupMembers.Where(m => m.GroupId == groupId).ExecuteDeleteAsync(ct);
        await db.ContactGroups.Where(g => g.Id == groupId && g.CustomerId == customerId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Deletes those of the given contacts that are this customer's, from every group; how many went.</summary>
    public async Task<int> DeleteContactsAsync(int customerId, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var own = db.Contacts.Where(c => c.CustomerId == customerId && ids.Contains(c.Id)).Select(c => c.Id);
        await db.ContactGroupMembers.Where(m => own.Contains(m.ContactId)).ExecuteDeleteAsync(ct);
        var deleted = await db.Contacts.Where(c => c.CustomerId == customerId && ids.Contains(c.Id)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }

    /// <summary>How many of the given ids are this customer's contacts (a confirmation counts only those).</summary>
    public Task<int> CountOwnAsync(int customerId, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        db.Contacts.CountAsync(c => c.CustomerId == customerId && ids.Contains(c.Id), ct);
}
