using System.IO.Compression;
using System.Security;
using System.Text;

namespace Qunfa.Testing;

/// <summary>
/// Workbooks whose sheet XML is written by hand, as an attacker would: cells at any coordinates, a dimension
/// that lies, shared strings and styles as given. Excel's minimal package, nothing more.
/// </summary>
public static class HandWrittenXlsx
{
    public static string Inline(string reference, string text) =>
        $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(text)}</t></is></c>";

    public static string Row(int number, params string[] cells) => $"<row r=\"{number}\">{string.Concat(cells)}</row>";

    /// <param name="sheetData">The rows, inside &lt;sheetData&gt;.</param>
    /// <param name="dimension">What the sheet claims its used range is, e.g. "A1:XFD1048576".</param>
    /// <param name="sharedStrings">The &lt;si&gt; items of xl/sharedStrings.xml, when there is one.</param>
    /// <param name="styles">The whole of xl/styles.xml, when there is one.</param>
    public static byte[] Build(string sheetData, string? dimension = null, string? sharedStrings = null, string? styles = null)
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Add(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add(zip, "xl/workbook.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            var rels = new StringBuilder($"<Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/>");
            if (sharedStrings is not null)
            {
                rels.Append($"<Relationship Id=\"rId2\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>");
                Add(zip, "xl/sharedStrings.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">{sharedStrings}</sst>");
            }
            if (styles is not null)
            {
                rels.Append($"<Relationship Id=\"rId3\" Type=\"{Rel}/styles\" Target=\"styles.xml\"/>");
                Add(zip, "xl/styles.xml", styles);
            }
            Add(zip, "xl/_rels/workbook.xml.rels",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>");
            Add(zip, "xl/worksheets/sheet1.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\">"
                + (dimension is null ? "" : $"<dimension ref=\"{dimension}\"/>")
                + $"<sheetData>{sheetData}</sheetData></worksheet>");
        }
        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string path, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
