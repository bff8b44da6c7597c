namespace Qunfa.Web.Workers;

/// <summary>
/// Growing pauses for a poller whose source answers at once with nothing or with a failure: 1 s, 2 s, 4 s …
/// up to <see cref="Longest"/>, each jittered so that many readers of one queue do not ask in step.
/// </summary>
public sealed class PollBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    /// <summary>Pauses in a row since the last good answer; 0 when none.</summary>
    public int Streak { get; private set; }

    public TimeSpan Next()
    {
        var pause = First * Math.Pow(2, Math.Min(Streak, 10));
        Streak++;
        if (pause > Longest) pause = Longest;
        return pause * (0.8 + Random.Shared.NextDouble() * 0.4);
    }

    public void Reset() => Streak = 0;
}
