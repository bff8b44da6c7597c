using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.Web.Features.Contacts;

/// <summary>
/// A send to groups: the chosen groups' contacts streamed from the database as recipient rows, each once however
/// many of the groups hold it, its fields standing for template variables, into the same checks as a number file.
/// </summary>
public sealed class GroupRecipients(QunfaDbContext db)
{
    public const int MaxGroups = 50;

    /// <summary>Null when every id is one of this customer's groups, else the refusal naming the others.</summary>
    public async Task<string?> CheckAsync(int customerId, IReadOnlyCollection<int> groupIds, CancellationToken ct)
    {
        if (groupIds.Count == 0) return null;
        var own = await db.ContactGroups.AsNoTracking().Where(g => g.CustomerId == customerId && groupIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct);
        var unknown = groupIds.Except(own).ToList();
        return unknown.Count == 0 ? null
            : string.Format(CultureInfo.InvariantCulture, ContactMessages.UnknownGroups, string.Join(",", unknown.Select(i => i.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// <paramref name="first"/>'s rows, then the groups' contacts numbered on from its last line. Read lazily on this
    /// context's connection: nothing else may use the context until the rows have been read.
    /// </summary>
    public IEnumerable<RecipientRow> After(IEnumerable<RecipientRow> first, int customerId, IReadOnlyCollection<int> groupIds)
    {
        var line = 0;
        foreach (var row in first)
        {
            line = row.LineNumber;
            yield return row;
        }
        if (groupIds.Count == 0) yield break;
        var contacts = db.Contacts.AsNoTracking()
            .Where(c => c.CustomerId == customerId && db.ContactGroupMembers.Any(m => m.ContactId == c.Id && groupIds.Contains(m.GroupId)))
            .Select(c => new { c.Phone, c.Fields });
        foreach (var contact in contacts.AsEnumerable())
            yield return new RecipientRow(++line, contact.Phone, ContactFields.Parse(contact.Fields));
    }
}
