namespace Qunfa.Emulators.Faults;

/// <summary>Seeded randomness for fault injection; the lock is only taken when a fault rate is non-zero.</summary>
internal sealed class FaultDice(int? seed)
{
    private readonly Random _random = seed is { } s ? new Random(s) : new Random();
    private readonly Lock _gate = new();

    public bool Roll(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }
        if (rate >= 1)
        {
            return true;
        }
        lock (_gate)
        {
            return _random.NextDouble() < rate;
        }
    }

    public int Next(int maxExclusive)
    {
        lock (_gate)
        {
            return _random.Next(maxExclusive);
        }
    }
}
