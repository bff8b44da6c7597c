using System.Globalization;

namespace Qunfa.Emulators.Infrastructure;

internal static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset t) => t.ToOffset(Offset);

    public static string Format(DateTimeOffset t) =>
        ToChina(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset t) =>
        ToChina(t).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static bool TryParseDay(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static DateOnly DayOf(DateTimeOffset t) => DateOnly.FromDateTime(ToChina(t).DateTime);
}
