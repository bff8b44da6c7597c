namespace Qunfa.Web.Features.Sending.Dispatch;

/// <summary>Wakes a resting dispatcher as soon as work is accepted, so that a verification code leaves at once.</summary>
public sealed class DispatchSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0) _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    /// <summary>Rests until woken or until <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) =>
        _wake.WaitAsync(timeout, ct);
}
