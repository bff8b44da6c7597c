using Microsoft.Extensions.Time.Testing;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.UnitTests;

public sealed class OperatorClockTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void Today_FollowsTheOperatorsZone_NotUtc()
    {
        // 2026-11-28 17:00 UTC is already the 29th in Shanghai.
        var clock = new OperatorClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 17, 0, 0, TimeSpan.Zero)), Shanghai);
        Assert.Equal(new DateOnly(2026, 11, 29), clock.Today);
    }

    [Fact]
    public void DayBounds_AreLocalMidnights_InUtc()
    {
        var clock = new OperatorClock(new FakeTimeProvider(), Shanghai);
        var (start, end) = clock.DayBounds(new DateOnly(2026, 11, 29));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 16, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void Format_ShowsLocalTime() =>
        Assert.Equal("2026-11-29 01:02:03",
            new OperatorClock(new FakeTimeProvider(), Shanghai).Format(new DateTimeOffset(2026, 11, 28, 17, 2, 3, TimeSpan.Zero)));
}
