using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Qunfa.Web.Features.Sending.Dispatch;

/// <summary>Keeps send calls to the carrier within the operator's QPS (Qunfa:Sending:CarrierQps; 0 = no limit).</summary>
public sealed class CarrierPacer : IDisposable
{
    private readonly RateLimiter? _limiter;

    public CarrierPacer(IOptions<SendingOptions> options)
    {
        var qps = options.Value.CarrierQps;
        if (qps <= 0) return;
        // About a tenth of a second's turns at a time, so that the limit holds within each second, not just on average;
        // the period is stretched to match, as whole tokens every 100 ms would round 5/s up to 10/s and 15/s to 20/s.
        var tokens = (qps + 9) / 10;
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromTicks(TimeSpan.TicksPerSecond * tokens / qps),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public async ValueTask WaitTurnAsync(CancellationToken ct) => await TakeTurnsAsync(1, ct);

    /// <summary>
    /// Waits for one turn, then takes as many more as are free at once, up to <paramref name="wanted"/>; answers how many
    /// were taken. The dispatcher takes its turns before it claims, so a claim never waits here while its recovery
    /// deadline runs: a claim that outlived its deadline in this queue was looked up, found missing and sent a second time.
    /// </summary>
    public async ValueTask<int> TakeTurnsAsync(int wanted, CancellationToken ct)
    {
        if (_limiter is null) return wanted;
        using (await _limiter.AcquireAsync(1, ct))
        {
        }
        var taken = 1;
        while (taken < wanted)
        {
            using var lease = _limiter.AttemptAcquire(1);
            if (!lease.IsAcquired) break;
            taken++;
        }
        return taken;
    }

    public void Dispose() => _limiter?.Dispose();
}
