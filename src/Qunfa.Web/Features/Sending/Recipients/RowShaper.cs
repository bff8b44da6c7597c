namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// Finds the phone column: a first row naming it (手机号, phone, …) is a header whose other columns are
/// variable names; without one, the first column is the number and further columns stand for the
/// template's variables in order.
/// </summary>
internal static class RowShaper
{
    private static readonly HashSet<string> PhoneHeaders = new(StringComparer.Ordinal)
    {
        "手机号", "手机号码", "手机", "号码", "电话", "电话号码", "联系电话",
        "phone", "phonenumber", "phonenumbers", "mobile", "mobilephone", "mobilenumber", "tel", "number",
    };

    public static IEnumerable<RecipientRow> Shape(IEnumerable<RawRow> rows, IReadOnlyList<string>? templateVariables, int maxRows)
    {
        string?[]? names = null;
        var phoneColumn = 0;
        var count = 0;
        foreach (var row in rows)
        {
            if (names is null)
            {
                phoneColumn = Array.FindIndex(row.Cells, IsPhoneHeader);
                if (phoneColumn >= 0)
                {
                    names = row.Cells.Select((name, i) => i == phoneColumn || name.Length == 0 ? null : name).ToArray();
                    continue;
                }
                phoneColumn = 0;
                names = [null, .. templateVariables ?? []];
            }
            if (++count > maxRows) throw new RecipientFileException(RecipientMessages.TooManyRows);
            var phone = phoneColumn < row.Cells.Length ? row.Cells[phoneColumn] : "";
            yield return new RecipientRow(row.LineNumber, phone, Variables(row.Cells, names));
        }
    }

    private static Dictionary<string, string>? Variables(string[] cells, string?[] names)
    {
        Dictionary<string, string>? values = null;
        for (var i = 0; i < cells.Length && i < names.Length; i++)
        {
            if (names[i] is not { } name || cells[i].Length == 0) continue;
            values ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            values.TryAdd(name, cells[i]);
        }
        return values;
    }

    private static bool IsPhoneHeader(string cell) =>
        PhoneHeaders.Contains(cell.Replace(" ", "").Replace("_", "").Replace("-", "").ToLowerInvariant());
}
