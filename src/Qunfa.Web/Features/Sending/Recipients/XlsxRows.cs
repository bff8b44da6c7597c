using System.IO.Compression;

namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// The first sheet, row by row, streamed from the workbook's XML; the sheet is never held whole and the work
/// follows the cells it holds (<see cref="XlsxSheetReader"/>). A general reader such as MiniExcel fills in every
/// row and column up to the furthest cell, which a 1.5 KB file can place at XFD1048576.
/// </summary>
internal static class XlsxRows
{
    public static IEnumerable<RawRow> Read(Stream stream, CancellationToken ct)
    {
        using var zip = Guard(() => new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true));
        var parts = Guard(() => XlsxParts.Locate(zip));
        var strings = Guard(() => XlsxSharedStrings.Read(zip, parts.SharedStrings, ct));
        var dates = Guard(() => XlsxDateStyles.Read(zip, parts.Styles));
        using var xml = Guard(() => XlsxParts.OpenXml(zip.GetEntry(parts.Sheet)!));
        var sheet = new XlsxSheetReader(xml, strings, dates, ct);
        while (Guard(sheet.Next) is { } row)
            if (row.Cells.Length > 0) yield return row;
    }

    /// <summary>Whatever a damaged workbook makes the reader throw becomes one clear refusal.</summary>
    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (RecipientFileException or OperationCanceledException or OutOfMemoryException))
        {
            throw new RecipientFileException(RecipientMessages.BrokenXlsx);
        }
    }
}
