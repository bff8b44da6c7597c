using System.Diagnostics.Metrics;

namespace Qunfa.Web.Infrastructure.Monitoring;

/// <summary>
/// Counts send calls to the carrier as they leave this node (the dispatch rate) and how they ended: ok (HTTP 2xx),
/// refused (an HTTP error status) or lost (no answer: refused connection, timeout). The failure rate is the share
/// of the last two.
/// </summary>
public sealed class CarrierCallMetrics(IMeterFactory meters) : DelegatingHandler
{
    private readonly Counter<long> _calls = meters.Create(QunfaMeter.Name)
        .CreateCounter<long>("qunfa.carrier.send.calls", unit: "{call}", description: "SendSms and SendBatchSms calls to the carrier by result.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            _calls.Add(1, new KeyValuePair<string, object?>("result", response.IsSuccessStatusCode ? "ok" : "refused"));
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or IOException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _calls.Add(1, new KeyValuePair<string, object?>("result", "lost"));
            throw;
        }
    }
}
