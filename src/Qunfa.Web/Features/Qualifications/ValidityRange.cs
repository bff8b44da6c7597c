using System.Globalization;

namespace Qunfa.Web.Features.Qualifications;

/// <summary>
/// A validity as the carrier takes it, `YYYY-MM-DD~YYYY-MM-DD`; 长期 (permanent) is written as the
/// end date 2099-12-31, and the form also accepts `YYYY-MM-DD~长期`.
/// </summary>
public static class ValidityRange
{
    public const string PermanentEnd = "2099-12-31";
    private static readonly string[] PermanentWords = ["长期", "永久", "长期有效"];

    public enum Problem { None, Missing, Format, Order, Expired }

    public static (string? Value, Problem Problem) Parse(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, Problem.Missing);
        var parts = text.Replace('～', '~').Replace(" ", "", StringComparison.Ordinal).Split('~');
        if (parts.Length != 2 || !TryDate(parts[0], out var start)) return (null, Problem.Format);
        var end = DateOnly.ParseExact(PermanentEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!PermanentWords.Contains(parts[1]) && !TryDate(parts[1], out end)) return (null, Problem.Format);
        if (end < start) return (null, Problem.Order);
        if (end < today) return (null, Problem.Expired);
        return ($"{Format(start)}~{Format(end)}", Problem.None);
    }

    /// <summary>How a stored range is shown back in the form.</summary>
    public static string Display(string? stored) =>
        stored is { Length: > 0 } && stored.EndsWith("~" + PermanentEnd, StringComparison.Ordinal) ? stored[..^PermanentEnd.Length] + "长期" : stored ?? "";

    private static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
