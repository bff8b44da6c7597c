using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace Qunfa.Web.Infrastructure.Export;

public enum TableFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// Every export's file: rows (one dictionary per row, keys are the column headers) are pulled one at a time while
/// MiniExcel writes them, so memory stays flat however many rows there are. Cell text goes through
/// <see cref="SpreadsheetCell"/> before it gets here.
/// </summary>
public static class TableFile
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static string ContentType(TableFormat format) => format == TableFormat.Csv ? CsvContentType : XlsxContentType;

    public static string Extension(TableFormat format) => format == TableFormat.Csv ? ".csv" : ".xlsx";

    public static bool TryParse(string? text, out TableFormat format)
    {
        format = string.Equals(text, "csv", StringComparison.OrdinalIgnoreCase) ? TableFormat.Csv : TableFormat.Xlsx;
        return string.IsNullOrEmpty(text) || string.Equals(text, "csv", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "xlsx", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Writes the rows into <paramref name="stream"/> (synchronously: the rows are usually a database reader).</summary>
    public static void Write(Stream stream, IEnumerable<IDictionary<string, object?>> rows, TableFormat format, string sheetName)
    {
        if (format == TableFormat.Csv)
        {
            // A BOM so that Excel reads the Chinese headers as UTF-8.
            var csv = new CsvConfiguration { StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) };
            stream.SaveAs(rows, excelType: ExcelType.CSV, configuration: csv);
        }
        else
        {
            stream.SaveAs(rows, sheetName: sheetName, excelType: ExcelType.XLSX);
        }
    }

    /// <summary>Writes the file into a temporary file and returns it open at the start; the file disappears when the stream is closed.</summary>
    public static async Task<Stream> WriteTempAsync(IEnumerable<IDictionary<string, object?>> rows, TableFormat format, string sheetName, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "qunfa-export-" + Guid.NewGuid().ToString("N") + Extension(format));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await Task.Run(() => Write(file, rows, format, sheetName), ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    // Besides what a file system refuses, the characters that end a quoted Content-Disposition value
    // or separate its parameters are replaced too: filters typed by a user end up in these names.
    private static readonly char[] Unsafe = [.. Path.GetInvalidFileNameChars(), '"', ',', ';', '\\'];

    /// <summary>A file name from its parts, with what a file system or a download header would refuse replaced.</summary>
    public static string FileName(IEnumerable<string> parts, TableFormat format)
    {
        var name = string.Join("_", parts.Where(p => !string.IsNullOrWhiteSpace(p))) + Extension(format);
        foreach (var c in Unsafe) name = name.Replace(c, '_');
        return name;
    }

    public static string Stamp(DateTimeOffset local) => local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
