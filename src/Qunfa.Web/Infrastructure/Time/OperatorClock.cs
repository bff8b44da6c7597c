using System.Globalization;

namespace Qunfa.Web.Infrastructure.Time;

/// <summary>Times as people see them: in the operator's zone, whose days and months are "today" and "this month".</summary>
public sealed class OperatorClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone => zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, zone);

    public string Format(DateTimeOffset utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public string Format(DateTimeOffset? utc) => utc is { } value ? Format(value) : "-";

    /// <summary>The UTC instants that bound one local day, end exclusive.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly day) =>
        (StartOf(day), StartOf(day.AddDays(1)));

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
