using System.IO.Compression;
using System.Xml;

namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>Which cell styles show a number as a date, so such a cell reads as the date Excel shows.</summary>
internal sealed class XlsxDateStyles
{
    // Excel allows about 64,000 cell formats; styles beyond that are read as plain numbers.
    private const int MaxStyles = 65_536;

    private readonly List<bool> _isDate = [];

    public bool IsDate(int style) => style >= 0 && style < _isDate.Count && _isDate[style];

    public static XlsxDateStyles Read(ZipArchive zip, string? path)
    {
        var styles = new XlsxDateStyles();
        if (path is null || zip.GetEntry(path) is not { } entry) return styles;
        var customDates = new HashSet<int>();
        using var reader = XlsxParts.OpenXml(entry);
        var inCellFormats = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellFormats = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), out var id) && IsDateFormat(reader.GetAttribute("formatCode")):
                    customDates.Add(id);
                    break;
                case "cellXfs":
                    inCellFormats = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellFormats && styles._isDate.Count < MaxStyles:
                    var format = int.TryParse(reader.GetAttribute("numFmtId"), out var f) ? f : 0;
                    styles._isDate.Add(IsBuiltInDate(format) || customDates.Contains(format));
                    break;
            }
        }
        return styles;
    }

    private static bool IsBuiltInDate(int id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    /// <summary>A format with a date or time part outside quoted text, [brackets] and escaped characters.</summary>
    private static bool IsDateFormat(string? code)
    {
        if (string.IsNullOrEmpty(code)) return false;
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '\\') i++;
            else if (c == '[') bracket = true;
            else if (c == ']') bracket = false;
            else if (!bracket && char.ToLowerInvariant(c) is 'y' or 'm' or 'd' or 'h' or 's') return true;
        }
        return false;
    }
}
