using System.Globalization;
using System.Text;
using System.Xml;

namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// The rows of one sheet's XML as they stream past. A row's cells are placed by their reference, but only the
/// cells present are visited, and a row is as wide as its last non-empty cell within
/// <see cref="RecipientReader.MaxColumns"/>: a cell that claims to be XFD1048576 is one cell, not a million
/// rows of sixteen thousand columns.
/// </summary>
internal sealed class XlsxSheetReader(XmlReader reader, XlsxSharedStrings strings, XlsxDateStyles dates, CancellationToken ct)
{
    private const int MaxColumnLetters = 3;

    private readonly string?[] _values = new string?[RecipientReader.MaxColumns];
    private readonly List<int> _filled = [];
    private readonly StringBuilder _text = new();
    private int _rowNumber;
    private long _cells;

    /// <summary>The next row element as cells, or null at the end of the sheet. A blank row has no cells.</summary>
    public RawRow? Next()
    {
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row") return ReadRow();
            reader.Read();
        }
        return null;
    }

    private RawRow ReadRow()
    {
        ct.ThrowIfCancellationRequested();
        _rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : _rowNumber + 1;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new RawRow(_rowNumber, []);
        }
        var depth = reader.Depth;
        var column = -1;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                reader.Read();
                continue;
            }
            if ((++_cells & 1023) == 0) ct.ThrowIfCancellationRequested();
            column = Column(reader.GetAttribute("r")) ?? column + 1;
            if (column >= RecipientReader.MaxColumns)
            {
                reader.Skip();
                continue;
            }
            var value = ReadCell();
            if (value.Length == 0) continue;
            if (_values[column] is null) _filled.Add(column);
            _values[column] = value;
        }
        reader.Read();
        return new RawRow(_rowNumber, TakeCells());
    }

    private string[] TakeCells()
    {
        if (_filled.Count == 0) return [];
        var cells = new string[_filled.Max() + 1];
        Array.Fill(cells, "");
        foreach (var column in _filled)
        {
            cells[column] = _values[column]!;
            _values[column] = null;
        }
        _filled.Clear();
        return cells;
    }

    /// <summary>The text of the &lt;c&gt; the reader is on, as Excel would show it; the reader is left after it.</summary>
    private string ReadCell()
    {
        var type = reader.GetAttribute("t");
        var style = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        string? raw = null;
        string? inline = null;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v") raw = reader.ReadElementContentAsString();
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
            {
                XlsxSharedStrings.ReadRichText(reader, _text);
                inline = _text.ToString();
            }
            else if (reader.NodeType == XmlNodeType.Element) reader.Skip();
            else reader.Read();
        }
        reader.Read();
        var text = (type switch
        {
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? strings[index] : throw new RecipientFileException(RecipientMessages.BrokenXlsx),
            "inlineStr" => inline ?? raw ?? "",
            "str" or "e" => raw ?? "",
            "b" => raw == "1" ? "TRUE" : "FALSE",
            "d" => DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? Date(date) : raw ?? "",
            _ => Number(raw, dates.IsDate(style)),
        }).Trim();
        if (text.Length > DelimitedTextRows.MaxFieldLength)
            throw new RecipientFileException(DelimitedTextRows.Format(RecipientMessages.FieldTooLong, _rowNumber));
        return text;
    }

    private static string Number(string? raw, bool isDate)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return raw ?? "";
        if (isDate && d is > -657435 and < 2958466) return Date(DateTime.FromOADate(d));
        return d == Math.Floor(d) && Math.Abs(d) < 1e15 ? d.ToString("0", CultureInfo.InvariantCulture) : d.ToString(CultureInfo.InvariantCulture);
    }

    private static string Date(DateTime t) =>
        t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The zero-based column of a reference such as "B7"; past the sheet's last column for anything longer than XFD.</summary>
    private static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            if (++letters > MaxColumnLetters) return int.MaxValue;
            column = column * 26 + (c - 'A' + 1);
        }
        return letters == 0 ? null : column - 1;
    }
}
