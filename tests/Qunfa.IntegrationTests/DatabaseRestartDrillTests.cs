using Qunfa.Emulators;
using static Qunfa.IntegrationTests.ClusterDrillTests;

namespace Qunfa.IntegrationTests;

/// <summary>Tests that restart the PostgreSQL server: they run after every other test of the assembly, alone.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class DatabaseRestartCollection;

/// <summary>PostgreSQL restarted under a task in flight (see <see cref="ClusterDrillTests"/>).</summary>
[Collection(typeof(DatabaseRestartCollection))]
public sealed class DatabaseRestartDrillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DatabaseRestartedMidTask_NodesRecoverOnTheirOwn()
    {
        var restart = ClusterDrillTests.RestartCommand();
        var numbers = Full ? 100_000 : 10_000;
        await using var carrier = await StartCarrierAsync(o => o.Latency = TimeSpan.FromMilliseconds(50));
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var settings = Engine(("Qunfa:Sending:CarrierQps", "1"));
        await using var web = QunfaApp.StartOn(database, carrier, settings);
        var s = await PrepareAsync(web, carrier, numbers);
        await using var worker = await NodeProcess.StartAsync(database, carrier, WorkerOnly(settings), Ct);
        var phones = Phones(numbers);
        var taskId = await SendAsync(s, phones);
        for (var i = 0; i < 600 && carrier.State.Counters.AcceptedMessages < numbers / 4; i++) await Task.Delay(50, Ct);

        var atRestart = carrier.State.Counters.AcceptedMessages;
        await ClusterDrillTests.RunAsync(restart);
        output.WriteLine($"PostgreSQL restarted with {atRestart} numbers at the carrier, {carrier.State.Counters.AcceptedMessages} when it was back");
        Assert.True(atRestart < numbers, "The task was sent before the restart; the drill needs it mid-task.");

        await WaitForCompletionThroughOutagesAsync(web, taskId, seconds: Full ? 900 : 150);
        Assert.False(worker.HasExited, "The worker process died with the database:\n" + worker.Output);
        using (var http = web.CreateClient())
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/readyz", Ct)).StatusCode);
        await AssertWholeAsync(database, carrier, taskId, phones);
    }
}
