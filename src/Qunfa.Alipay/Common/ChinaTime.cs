using System.Globalization;

namespace Qunfa.Alipay.Common;

/// <summary>Alipay timestamps are "yyyy-MM-dd HH:mm:ss" in Beijing time (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string ToWire(DateTimeOffset time) =>
        time.ToOffset(Offset).ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Offset)
            : null;
}
