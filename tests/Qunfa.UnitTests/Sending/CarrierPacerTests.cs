using System.Diagnostics;
using Microsoft.Extensions.Options;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Sending.Dispatch;

namespace Qunfa.UnitTests.Sending;

/// <summary>
/// The pacer's turns never come faster than Qunfa:Sending:CarrierQps. Only a lower bound on the time taken is
/// asserted: a busy machine can make the turns slower, never faster, so it cannot make this test fail.
/// </summary>
public sealed class CarrierPacerTests
{
    private static async Task<TimeSpan> TimeTurnsAsync(int qps, int turns)
    {
        using var pacer = new CarrierPacer(Options.Create(new SendingOptions { CarrierQps = qps }));
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < turns; i++) await pacer.WaitTurnAsync(TestContext.Current.CancellationToken);
        return watch.Elapsed;
    }

    [Theory]
    [InlineData(5)]
    [InlineData(15)]
    public async Task Turns_NeverComeFasterThanTheQps(int qps)
    {
        // The bucket starts full (one tenth of a second's worth); every turn after those waits for the refill.
        var burst = (qps + 9) / 10;
        var turns = burst + qps;

        var elapsed = await TimeTurnsAsync(qps, turns);

        // qps turns past the burst take a second; 5% is left for the timer's granularity.
        Assert.True(elapsed >= TimeSpan.FromSeconds(0.95), $"{turns} turns at {qps}/s took only {elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Zero_MeansNoLimit()
    {
        using var pacer = new CarrierPacer(Options.Create(new SendingOptions { CarrierQps = 0 }));
        for (var i = 0; i < 10_000; i++)
            Assert.True(pacer.WaitTurnAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task TakeTurns_TakesNoMoreThanTheBucketHolds_SoClaimsAreNeverMadeAheadOfTheirTurn()
    {
        // 100/s: a tenth of a second's worth, 10 turns, is in the bucket at the start; 16 free slots get 10 claims.
        using var pacer = new CarrierPacer(Options.Create(new SendingOptions { CarrierQps = 100 }));
        Assert.Equal(10, await pacer.TakeTurnsAsync(16, TestContext.Current.CancellationToken));
        // The next call waits for a refill and takes only what it brought.
        Assert.InRange(await pacer.TakeTurnsAsync(16, TestContext.Current.CancellationToken), 1, 10);

        using var unlimited = new CarrierPacer(Options.Create(new SendingOptions { CarrierQps = 0 }));
        Assert.Equal(16, await unlimited.TakeTurnsAsync(16, TestContext.Current.CancellationToken));
    }
}
