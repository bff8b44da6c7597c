using System.Text;
using MiniExcelLibs;
using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.UnitTests.Sending;

/// <summary>Builds uploads in memory and reads them the way the send page will.</summary>
internal static class RecipientFiles
{
    static RecipientFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gbk => Encoding.GetEncoding(936);

    public static MemoryStream Text(string content, Encoding? encoding = null, bool bom = false)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(content);
        return new MemoryStream(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    public static MemoryStream Xlsx(IEnumerable<Dictionary<string, object?>> rows, bool printHeader = true)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: printHeader);
        stream.Position = 0;
        return stream;
    }

    public static List<RecipientRow> Rows(Stream stream, string? fileName = null, IReadOnlyList<string>? variables = null) =>
        RecipientReader.ReadFile(stream, new RecipientReadOptions(fileName, variables)).ToList();

    public static string Refusal(Stream stream, string? fileName = null, RecipientReadOptions? options = null) =>
        Assert.Throws<RecipientFileException>(() => RecipientReader.ReadFile(stream, options ?? new RecipientReadOptions(fileName)).ToList()).Message;
}
