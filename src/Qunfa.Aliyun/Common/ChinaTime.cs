using System.Globalization;

namespace Qunfa.Aliyun.Common;

/// <summary>Alibaba reports wall-clock times in Asia/Shanghai (UTC+8, no daylight saving).</summary>
internal static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd", "yyyyMMdd"];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, Offset);
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epochMillis) && text.Length >= 12)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(epochMillis).ToOffset(Offset);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }

    public static string FormatDate(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
