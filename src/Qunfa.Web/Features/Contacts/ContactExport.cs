using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Infrastructure.Export;

namespace Qunfa.Web.Features.Contacts;

/// <summary>
/// 导出分组: a group's contacts as xlsx or csv — 手机号, 姓名 and one column per field — streamed from the database into
/// a temporary file (<see cref="TableFile"/>), every cell neutralised (<see cref="SpreadsheetCell"/>).
/// </summary>
public sealed class ContactExport(QunfaDbContext db)
{
    public const string PhoneColumn = "手机号";

    /// <summary>Null when the group is not this customer's.</summary>
    public async Task<(Stream File, string Name)?> WriteAsync(int customerId, int groupId, TableFormat format, CancellationToken ct)
    {
        var group = await db.ContactGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId && g.CustomerId == customerId, ct);
        if (group is null) return null;
        // The columns must be known before the first row is written: one pass for the field names, one for the rows.
        var names = new List<string>();
        foreach (var fields in Contacts(customerId, groupId).Select(c => c.Fields).Where(f => f != null).AsEnumerable())
            foreach (var name in ContactFields.Parse(fields)!.Keys)
                if (!names.Contains(name, StringComparer.OrdinalIgnoreCase)) names.Add(name);
        var file = await TableFile.WriteTempAsync(Rows(customerId, groupId, names), format, "通讯录", ct);
        return (file, TableFile.FileName(["通讯录", group.Name], format));
    }

    private IQueryable<Domain.Contacts.Contact> Contacts(int customerId, int groupId) =>
        db.Contacts.AsNoTracking().Where(c => c.CustomerId == customerId && db.ContactGroupMembers.Any(m => m.GroupId == groupId && m.ContactId == c.Id)).OrderBy(c => c.Id);

    private IEnumerable<IDictionary<string, object?>> Rows(int customerId, int groupId, List<string> names)
    {
        foreach (var contact in Contacts(customerId, groupId).Select(c => new { c.Phone, c.Fields }).AsEnumerable())
        {
            var fields = ContactFields.Parse(contact.Fields);
            var row = new Dictionary<string, object?> { [PhoneColumn] = SpreadsheetCell.Text(contact.Phone) };
            foreach (var name in names)
                row[name] = SpreadsheetCell.Text(fields?.GetValueOrDefault(name));
            yield return row;
        }
    }
}
