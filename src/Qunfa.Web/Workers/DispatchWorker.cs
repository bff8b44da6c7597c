using Microsoft.Extensions.Options;
using Qunfa.Web.Features.Sending;

namespace Qunfa.Web.Workers;

/// <summary>Sends what is due and resolves unsettled claims; rests only when there is nothing to do.</summary>
public sealed class DispatchWorker(Dispatcher dispatcher, IOptions<SendingOptions> options, TimeProvider time, ILogger<DispatchWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var handled = await dispatcher.DispatchOnceAsync(stoppingToken) + await dispatcher.RecoverOnceAsync(stoppingToken);
                if (handled > 0) continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Dispatch pass failed; trying again shortly");
            }
            await Task.Delay(options.Value.IdleDelay, time, stoppingToken);
        }
    }
}
