using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Push;

namespace Qunfa.IntegrationTests;

/// <summary>Receipts reaching the engine by Alibaba's HTTP batch push instead of the MNS queue.</summary>
public sealed class ReceiptPushTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Send_WithTheCarrierPushingReceiptsToTheAppsPushUrl_EndsEveryRecipient_WithoutReadingMns(DatabaseKind db)
    {
        // The registration's verification code is reported through MNS and matches no record: read once, it is dropped.
        var settings = SendingScenario.Settings(new Dictionary<string, string> { ["Qunfa:Sending:MaxReceiptReads"] = "1" });
        var s = await SendingScenario.PrepareAsync(await QunfaApp.StartOnLoopbackAsync(db, settings), balance: 10);
        await using var _ = s;
        string token;
        await using (var scope = s.App.Services.CreateAsyncScope())
            token = await scope.ServiceProvider.GetRequiredService<PushTokenService>().GetOrCreateAsync(TestContext.Current.CancellationToken);
        var sandbox = CustomerScenario.Sandbox(s.App);
        // Switched to push only once the queue has nothing left of the setup.
        var reportQueue = sandbox.QueueName("SmsReport");
        await InboundScenario.EventuallyAsync(
            () => Task.FromResult(sandbox.Counters.ReportedMessages == sandbox.Counters.AcceptedMessages && sandbox.QueueCounts(reportQueue) == new Qunfa.Emulators.EmulatorQueueCounts(0, 0)),
            settled => settled, "the setup's reports to be read");
        var readFromMns = sandbox.Counters.MnsReceived;
        // A receipt that overtakes the engine's own bookkeeping of the submit is refused with 503 and comes again.
        sandbox.Options.ReportPushRetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];
        sandbox.Options.ReportPushUrl = new Uri(s.App.RootUri, PushTokenService.ReportPath(token));

        var (accepted, outcome) = await SendingScenario.SendAsync(s, "13912345678\n13987654321\n13900000001\n13900000002");

        Assert.True(outcome.Succeeded);
        var task = await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);
        Assert.Equal(SendTaskStatus.Completed, task.Status);
        Assert.Equal(2, task.DeliveredCount);
        Assert.Equal(2, task.FailedCount);
        var records = await s.App.WithDbAsync(d => d.SendRecords.AsNoTracking().Where(r => r.TaskId == accepted.TaskId).ToDictionaryAsync(r => r.Phone));
        Assert.Equal((RecipientStatus.Delivered, "DELIVERED"), (records["13912345678"].Status, records["13912345678"].Code));
        Assert.Equal((RecipientStatus.Delivered, "DELIVERED"), (records["13987654321"].Status, records["13987654321"].Code));
        Assert.Equal((RecipientStatus.Failed, "MOBILE_NOT_ON_SERVICE"), (records["13900000001"].Status, records["13900000001"].Code));
        Assert.Equal((RecipientStatus.Failed, "MOBILE_IN_BLACK"), (records["13900000002"].Status, records["13900000002"].Code));
        Assert.True(records["13900000001"].Refunded);
        Assert.Equal(2, await s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync()));

        // The carrier counts a push once it has read the acknowledgement, just after the engine applied it.
        await InboundScenario.EventuallyAsync(() => Task.FromResult(sandbox.Counters.ReportsPushed), n => n >= 4, "the acknowledged pushes");
        Assert.Equal(4, sandbox.Counters.ReportsPushed);
        Assert.Equal(0, sandbox.Counters.PushesGivenUp);
        Assert.Equal(readFromMns, sandbox.Counters.MnsReceived);
        Assert.Equal(0, sandbox.QueueCounts(reportQueue).Visible);
    }

    [Fact]
    public async Task Push_OfAChunkedBodyOverTheLimit_IsRefusedWhileReading()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using (var setup = app.CreatePageClient()) await SetupScenario.CompleteWithSandboxAsync(setup);
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
            token = await scope.ServiceProvider.GetRequiredService<PushTokenService>().GetOrCreateAsync(TestContext.Current.CancellationToken);
        var ct = TestContext.Current.CancellationToken;
        // A raw connection, read while it is written: the host answers and closes before the body ends, which cuts
        // an HttpClient's write before it ever reads the answer.
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(app.RootUri.Host, app.RootUri.Port, ct);
        var stream = client.GetStream();
        var statusLine = ReadStatusLineAsync(stream, ct);
        // No Content-Length: the size is known only while the body is read.
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            $"POST {PushTokenService.ReportPath(token)} HTTP/1.1\r\nHost: {app.RootUri.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"), ct);
        var chunk = System.Text.Encoding.ASCII.GetBytes("10000\r\n" + new string(' ', 0x10000) + "\r\n");
        try
        {
            for (var written = 0; written < 5_000_000 && !statusLine.IsCompleted; written += 0x10000) await stream.WriteAsync(chunk, ct);
            if (!statusLine.IsCompleted) await stream.WriteAsync("2\r\n[]\r\n0\r\n\r\n"u8.ToArray(), ct);
        }
        catch (IOException) { } // the host closed the connection once it had answered
        Assert.StartsWith("HTTP/1.1 413 ", await statusLine.WaitAsync(TimeSpan.FromSeconds(30), ct));
    }

    private static async Task<string> ReadStatusLineAsync(Stream stream, CancellationToken ct)
    {
        var line = new System.Text.StringBuilder();
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer, ct) == 1)
        {
            if (buffer[0] == (byte)'\n') return line.ToString().TrimEnd('\r');
            line.Append((char)buffer[0]);
        }
        return line.ToString();
    }
}
