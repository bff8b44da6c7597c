namespace Qunfa.Web.Infrastructure.Export;

/// <summary>Deletes expired export files every minute, and this process's export folder when it stops.</summary>
public sealed class ExportSweeper(ExportJobs jobs, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        jobs.Clear();
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) jobs.Sweep();
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        jobs.Clear();
    }
}
