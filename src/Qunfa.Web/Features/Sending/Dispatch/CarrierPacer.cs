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
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            // Refilled ten times a second so that the limit holds within each second, not just on average.
            TokenLimit = Math.Max(1, (qps + 9) / 10),
            TokensPerPeriod = Math.Max(1, (qps + 9) / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
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
