namespace Qunfa.Web.Features.Carrier;

/// <summary>Reads the carrier at start-up and re-reads it every half minute, for changes made on another node.</summary>
internal sealed class CarrierRefreshService(CarrierState state, ILogger<CarrierRefreshService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await state.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not read the carrier settings; keeping the previous ones");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
