namespace Qunfa.Web.Features.Statistics;

/// <summary>`rollups rebuild` on the command line: recompute the daily rollups from the records and exit without serving.</summary>
public static class RollupCommand
{
    public static bool Matches(string[] args) => args is ["rollups", "rebuild", ..];

    /// <summary>The host's own arguments, without the command's words (they are not configuration).</summary>
    public static string[] HostArguments(string[] args) => Matches(args) ? args[2..] : args;

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RollupCommand));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var rows = await scope.ServiceProvider.GetRequiredService<RollupRebuild>().RunAsync(ct);
        logger.LogInformation("Rebuilt {Rows} rollup rows from the send records in {Elapsed}", rows, started.Elapsed);
        return 0;
    }
}
