using System.IO.Compression;
using System.Xml;

namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// Where the first sheet, the shared strings and the styles of a workbook are, as its relationships say;
/// the usual names when they say nothing.
/// </summary>
internal sealed record XlsxParts(string Sheet, string? SharedStrings, string? Styles)
{
    private const string Workbook = "xl/workbook.xml";
    private const string WorkbookRelationships = "xl/_rels/workbook.xml.rels";

    public static XmlReader OpenXml(ZipArchiveEntry entry) => XmlReader.Create(new XmlRunLimitStream(entry.Open(), RecipientFileType.MaxUnpackedBytes), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    });

    public static XlsxParts Locate(ZipArchive zip)
    {
        var firstSheetId = FirstSheetRelationship(zip);
        string? sheet = null, sharedStrings = null, styles = null;
        if (zip.GetEntry(WorkbookRelationships) is { } rels)
        {
            using var reader = OpenXml(rels);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship") continue;
                var target = Resolve(reader.GetAttribute("Target"));
                var type = reader.GetAttribute("Type") ?? "";
                if (reader.GetAttribute("Id") == firstSheetId) sheet = target;
                else if (type.EndsWith("/sharedStrings", StringComparison.Ordinal)) sharedStrings = target;
                else if (type.EndsWith("/styles", StringComparison.Ordinal)) styles = target;
            }
        }
        sheet ??= "xl/worksheets/sheet1.xml";
        sharedStrings ??= "xl/sharedStrings.xml";
        styles ??= "xl/styles.xml";
        if (zip.GetEntry(sheet) is null) throw new RecipientFileException(RecipientMessages.BrokenXlsx);
        return new XlsxParts(sheet, zip.GetEntry(sharedStrings) is null ? null : sharedStrings, zip.GetEntry(styles) is null ? null : styles);
    }

    /// <summary>The relationship id of the first &lt;sheet&gt; in the workbook, which is the sheet Excel opens first.</summary>
    private static string? FirstSheetRelationship(ZipArchive zip)
    {
        if (zip.GetEntry(Workbook) is not { } workbook) return null;
        using var reader = OpenXml(workbook);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "sheet") continue;
            while (reader.MoveToNextAttribute())
                if (reader.LocalName == "id" && reader.NamespaceURI.Length > 0) return reader.Value;
            return null;
        }
        return null;
    }

    private static string? Resolve(string? target)
    {
        if (string.IsNullOrEmpty(target)) return null;
        var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
