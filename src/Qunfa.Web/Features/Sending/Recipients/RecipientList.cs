using System.Text;

namespace Qunfa.Web.Features.Sending.Recipients;

public sealed record ValidRecipient(string Phone, IReadOnlyDictionary<string, string>? Variables);

/// <summary>One refused row; <see cref="Argument"/> fills the {0} of a reason such as 缺少变量{0}的值 when it is shown in another language.</summary>
public sealed record InvalidRecipient(int LineNumber, string RawPhone, string Reason, string? Argument = null);

/// <summary>
/// The checked list the preview shows: numbers to send to, counts, a sample of invalid rows and any
/// file-level <see cref="Problems"/>. With a problem nothing may be sent.
/// </summary>
public sealed class RecipientList
{
    internal RecipientList(IReadOnlyList<ValidRecipient> valid, int invalidCount, int duplicateCount,
        IReadOnlyList<InvalidRecipient> invalidSamples, IReadOnlyList<string> problems)
    {
        Valid = valid;
        InvalidCount = invalidCount;
        DuplicateCount = duplicateCount;
        InvalidSamples = invalidSamples;
        Problems = problems;
    }

    public IReadOnlyList<ValidRecipient> Valid { get; }
    public int ValidCount => Valid.Count;
    public int InvalidCount { get; }
    public int DuplicateCount { get; }
    public IReadOnlyList<InvalidRecipient> InvalidSamples { get; }
    public IReadOnlyList<string> Problems { get; }
    public bool IsAccepted => Problems.Count == 0 && ValidCount > 0;

    internal static RecipientList Refused(string problem) => new([], 0, 0, [], [problem]);

    /// <summary>The invalid rows as a CSV Excel opens correctly (UTF-8 with BOM).</summary>
    public void WriteInvalidCsv(Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.Write("行号,号码,原因\r\n");
        foreach (var entry in InvalidSamples)
            writer.Write($"{entry.LineNumber},{Cell(entry.RawPhone)},{Cell(entry.Reason)}\r\n");
    }

    // A leading = + - @ would run as a formula in Excel.
    private static string Cell(string value) =>
        "\"" + (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" : "") + value.Replace("\"", "\"\"") + "\"";
}
