using System.Globalization;

namespace Qunfa.Web.Infrastructure.Time;

/// <summary>
/// A list page's 开始日期 至 结束日期 filter, read from the query string. A reversed or unreadable range is not guessed at:
/// the page shows <see cref="Problem"/> and runs no query.
/// </summary>
public sealed record DayRange(DateOnly? From, DateOnly? To, string? Problem)
{
    public const string DateInvalidMessage = "日期格式不正确，应为年-月-日";
    public const string EndBeforeStartMessage = "结束日期不能早于开始日期";

    public bool IsValid => Problem is null;

    public static DayRange Parse(string? from, string? to)
    {
        var (start, startBad) = Read(from);
        var (end, endBad) = Read(to);
        if (startBad || endBad) return new DayRange(start, end, DateInvalidMessage);
        if (start is { } s && end is { } e && e < s) return new DayRange(start, end, EndBeforeStartMessage);
        return new DayRange(start, end, null);
    }

    public static string Text(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static (DateOnly? Day, bool Bad) Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, false);
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? (day, false)
            : (null, true);
    }
}
