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

    public async ValueTask WaitTurnAsync(CancellationToken ct)
    {
        if (_limiter is null) return;
        using var lease = await _limiter.AcquireAsync(1, ct);
    }

    public void Dispose() => _limiter?.Dispose();
}
