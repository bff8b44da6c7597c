using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Aliyun.Notifications;
using Qunfa.Emulators;
using Qunfa.Web.Features.Push;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>The carrier's queue readers against a queue that answers at once, and replies that say nothing.</summary>
public sealed class CarrierQueueLoopTests
{
    // Long enough for a loop without pauses to ask thousands of times, short enough for a few paused asks.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(4);

    // Four loops (one receipt reader, replies, sign and template reports), each asking about three times in
    // the window after pauses of 1 s and 2 s.
    private const int MostPausedRequests = 60;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EmptyReceive_AnsweredAtOnce_IsAskedAgainOnlyAfterPauses(DatabaseKind db)
    {
        var requests = await RequestsDuringWindowAsync(db, o => o.MnsLongPoll = false);
        Assert.InRange(requests, 0, MostPausedRequests);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FailedReceive_AnsweredAtOnce_IsAskedAgainOnlyAfterPauses(DatabaseKind db)
    {
        // Every receive is refused at once (403, the queue token has expired), which the HTTP pipeline does not retry.
        var requests = await RequestsDuringWindowAsync(db, o => o.StsTokenLifetime = TimeSpan.Zero);
        Assert.InRange(requests, 0, MostPausedRequests);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SmsUp_WithoutContent_IsRefusedAndDeleted_ThenTheNextReplyIsStored(DatabaseKind db)
    {
        await using var s = await InboundScenario.StartAsync(db);
        var sandbox = CustomerScenario.Sandbox(s.App);
        var queue = sandbox.QueueName("SmsUp");
        var deletedBefore = sandbox.Counters.MnsDeleted;

        sandbox.InjectSmsUp("13912345678", "", SandboxAccount.SignName);
        sandbox.InjectSmsUp("13912345679", "   ", SandboxAccount.SignName);
        // Acknowledged, so it is not read again and again.
        await EventuallyAsync(() => sandbox.Counters.MnsDeleted >= deletedBefore + 2 && sandbox.QueueCounts(queue) is { Visible: 0, InFlight: 0 }, "the empty replies to be deleted");
        Assert.False(await s.App.WithDbAsync(d => d.InboundReplies.AnyAsync(Ct)));

        sandbox.InjectSmsUp("13912345678", "收到", SandboxAccount.SignName);
        var stored = await InboundScenario.EventuallyAsync(() => s.App.WithDbAsync(d => d.InboundReplies.AsNoTracking().ToListAsync(Ct)), r => r.Count > 0, "the reply");
        Assert.Equal("收到", Assert.Single(stored).Content);

        // The same rule on the HTTP push: acknowledged (a retry would bring the same nothing), not stored.
        string token;
        await using (var scope = s.App.Services.CreateAsyncScope())
            token = await scope.ServiceProvider.GetRequiredService<PushTokenService>().GetOrCreateAsync(Ct);
        using var http = s.App.CreateClient();
        const string noContent = """[{"phone_number":"13912345678","send_time":"2026-11-28 12:00:00","dest_code":"","sequence_id":"55501"},{"phone_number":"13912345678","content":"","sequence_id":"55502"}]""";
        using var pushed = await http.PostAsync(PushTokenService.ReplyPath(token), new StringContent(noContent, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        Assert.Equal(HttpPushAcknowledgement.Body, await pushed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, await s.App.WithDbAsync(d => d.InboundReplies.CountAsync(Ct)));
    }

    /// <summary>Receive requests the platform's loops make in <see cref="Window"/> once they have started.</summary>
    private static async Task<long> RequestsDuringWindowAsync(DatabaseKind db, Action<EmulatorOptions> carrierOptions)
    {
        await using var carrier = await EmulatorHost.StartAsync(carrierOptions, ct: Ct);
        await using var database = await TestDatabase.CreateAsync(db);
        await using var app = QunfaApp.StartOn(database, carrier, new Dictionary<string, string> { ["Qunfa:Sending:ReceiptReaders"] = "1" });
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        var counters = carrier.State.Counters;
        await EventuallyAsync(() => counters.MnsReceiveRequests > 0, "the queue readers to start");

        var before = counters.MnsReceiveRequests;
        await Task.Delay(Window, Ct);
        var requests = counters.MnsReceiveRequests - before;
        Assert.Equal(0, counters.MnsReceived);
        return requests;
    }

    private static async Task EventuallyAsync(Func<bool> done, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (done()) return;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"Timed out waiting for {what}.");
    }
}
