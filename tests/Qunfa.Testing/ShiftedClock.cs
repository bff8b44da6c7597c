namespace Qunfa.Testing;

/// <summary>
/// The real clock moved forward by what a test asks: "later" arrives at once, while timers and delays still
/// run on real time, so the host's loops keep their pace. Keep shifts within the carrier's 15-minute signature
/// window (the sandbox emulator checks request times against its own, unshifted clock).
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
