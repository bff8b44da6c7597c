using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>The first sheet, row by row through MiniExcel's streaming reader; the sheet is never held whole.</summary>
internal static class XlsxRows
{
    public static IEnumerable<RawRow> Read(Stream stream)
    {
        var configuration = new OpenXmlConfiguration { FillMergedCells = false, EnableSharedStringCache = true };
        var rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX, configuration: configuration);
        using var enumerator = Guard(rows.GetEnumerator);
        var line = 0;
        while (Guard(enumerator.MoveNext))
        {
            line++;
            if (enumerator.Current is not IDictionary<string, object?> cells) continue;
            var values = cells.Values.Select(Text).ToArray();
            if (Array.Exists(values, v => v.Length > 0)) yield return new RawRow(line, values);
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    /// <summary>Whatever a damaged workbook makes the reader throw becomes one clear refusal.</summary>
    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (RecipientFileException or OutOfMemoryException))
        {
            throw new RecipientFileException(RecipientMessages.BrokenXlsx);
        }
    }
}
