using Microsoft.Extensions.Time.Testing;

namespace Qunfa.Aliyun.Tests.Emulator;

/// <summary>A fake clock that tells when a timer of a given length is started, so a test knows a delay has begun.</summary>
internal sealed class TimerWatchingClock(FakeTimeProvider fake, TimeSpan watched) : TimeProvider
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Started => _started.Task;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime == watched)
        {
            _started.TrySetResult();
        }
        return timer;
    }
}
