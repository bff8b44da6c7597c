namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// What a recipient file may be, and the template variables headerless columns stand for. Reading stops with an
/// <see cref="OperationCanceledException"/> as soon as <paramref name="Cancellation"/> is cancelled.
/// </summary>
public sealed record RecipientReadOptions(
    string? FileName = null,
    IReadOnlyList<string>? TemplateVariables = null,
    long MaxBytes = RecipientReader.MaxBytes,
    int MaxRows = RecipientReader.MaxRows,
    CancellationToken Cancellation = default);

/// <summary>
/// Reads recipient rows lazily from the text box or an uploaded TXT / CSV / XLSX, whose type is told by its
/// bytes. Limits and broken files throw <see cref="RecipientFileException"/> while enumerating, so a
/// consumer never keeps part of a refused file (see <see cref="RecipientListBuilder"/>).
/// </summary>
public static class RecipientReader
{
    public const long MaxBytes = 50L * 1024 * 1024;
    public const int MaxRows = 1_000_000;
    /// <summary>Columns read of each row; cells further right are ignored, so no row costs more than this.</summary>
    public const int MaxColumns = 256;

    private static readonly char[] TextBoxSeparators = [',', '，', ';', '；', '、'];

    public static IEnumerable<RecipientRow> ReadTextBox(string? text, int maxRows = MaxRows)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        using var reader = new StringReader(text);
        var line = 0;
        var count = 0;
        while (reader.ReadLine() is { } content)
        {
            line++;
            foreach (var token in content.Split(TextBoxSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            foreach (var number in SplitOnWhitespace(token))
            {
                if (++count > maxRows) throw new RecipientFileException(RecipientMessages.TooManyRows);
                yield return new RecipientRow(line, number, null);
            }
        }
    }

    public static IEnumerable<RecipientRow> ReadFile(Stream? content, RecipientReadOptions? options = null)
    {
        options ??= new RecipientReadOptions();
        var ct = options.Cancellation;
        if (content is null) throw new RecipientFileException(RecipientMessages.NoFile);
        using var source = SeekableSource.Open(content, options.MaxBytes, ct);
        var kind = RecipientFileType.Detect(source.Stream, options.FileName);
        var raw = kind == RecipientFileKind.Xlsx ? XlsxRows.Read(source.Stream, ct) : DelimitedTextRows.Read(source.Stream, ct);
        foreach (var row in RowShaper.Shape(raw, options.TemplateVariables, options.MaxRows)) yield return row;
    }

    /// <summary>Spaces inside "138 0013 8000" are formatting; between whole numbers they separate them.</summary>
    private static IEnumerable<string> SplitOnWhitespace(string token)
    {
        var parts = token.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 && parts.All(p => p.Length >= 8) ? parts : [token];
    }
}
