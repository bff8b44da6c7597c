using Microsoft.Extensions.Time.Testing;
using Qunfa.Alipay.Tests.Infrastructure;
using Qunfa.Emulators.Alipay;

namespace Qunfa.Alipay.Tests.Emulator;

/// <summary>The documented schedule on a fake clock: nothing early, every interval in order, notify_id expiry.</summary>
public sealed class RetryScheduleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task WaitForAttemptsAsync(AlipayEmulatorState state, int count)
    {
        for (var i = 0; i < 500 && state.NotificationAttempts.Count < count; i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.Equal(count, state.NotificationAttempts.Count);
    }

    /// <summary>Advances in steps of a twentieth of the interval until the next attempt lands; returns the fake time that took.</summary>
    private static async Task<TimeSpan> AdvanceUntilAttemptAsync(FakeTimeProvider time, AlipayEmulatorState state, int count, TimeSpan interval)
    {
        var step = interval / 20;
        var limit = interval * 2;
        var advanced = TimeSpan.Zero;
        while (state.NotificationAttempts.Count < count && advanced <= limit)
        {
            await Task.Delay(20, Ct);
            if (state.NotificationAttempts.Count >= count)
            {
                break;
            }

            time.Advance(step);
            advanced += step;
        }

        await WaitForAttemptsAsync(state, count);
        return advanced;
    }

    [Fact]
    public async Task FollowsTheDocumentedScheduleAndThenGivesUp()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        await using var c = await ContractContext.StartAsync(o => { o.TimeProvider = time; o.TimeScale = 1; });
        c.Merchant.Answer = _ => "fail";
        await c.Buyer.PayAndFollowToReturnAsync(c.Md5.CreatePayment(c.Order("S000000000000001")), c.Merchant.ReturnUrl);
        await WaitForAttemptsAsync(c.Emulator.State, 1);

        var expected = AlipayEmulatorOptions.DocumentedRetrySchedule;
        for (var i = 0; i < expected.Count; i++)
        {
            var took = await AdvanceUntilAttemptAsync(time, c.Emulator.State, i + 2, expected[i]);
            Assert.True(took >= expected[i], $"retry {i + 1} came after {took}, expected {expected[i]}");
        }

        time.Advance(TimeSpan.FromDays(2));
        await c.Emulator.State.WhenDeliveriesIdleAsync(Ct);
        Assert.Equal(8, c.Emulator.State.NotificationAttempts.Count);
    }

    [Fact]
    public async Task NotifyIdExpiresAfterItsLifetime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        await using var c = await ContractContext.StartAsync(o => { o.TimeProvider = time; o.NotifyIdLifetime = TimeSpan.FromMinutes(30); });
        c.Merchant.Answer = _ => "fail";
        await c.Buyer.PayAndFollowToReturnAsync(c.Md5.CreatePayment(c.Order("S000000000000002")), c.Merchant.ReturnUrl);
        var notification = await c.Merchant.NextAsync();
        Assert.True((await c.Md5.VerifyNotificationAsync(notification, Ct)).IsValid);

        time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(Qunfa.Alipay.Common.VerificationFailure.NotifyIdRejected, (await c.Md5.VerifyNotificationAsync(notification, Ct)).Failure);
    }
}
