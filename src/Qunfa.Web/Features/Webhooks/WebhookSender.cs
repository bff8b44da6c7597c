using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Webhooks;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.Web.Features.Webhooks;

/// <summary>
/// POSTs due deliveries to the customer's current URL, signed with its current secret. A non-2xx answer,
/// a timeout or a refused address is retried with doubling delays up to a cap, and given up after
/// <see cref="WebhookOptions.GiveUpAfter"/>. One customer's deliveries go out in order.
/// </summary>
public sealed class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    SecretProtector secrets,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";
    private const int MaxPerCustomerPerPass = 20;

    /// <summary>Sends, per customer, the oldest pending deliveries while they are due and accepted.</summary>
    public async Task SendDueAsync(CancellationToken ct)
    {
        List<int> customers;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
            customers = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.Status == WebhookDeliveryStatus.Pending).Select(d => d.CustomerId).Distinct().ToListAsync(ct);
        }
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (customerId, token) =>
            {
                for (var i = 0; i < MaxPerCustomerPerPass; i++)
                    if (await OldestDueAsync(customerId, token) is not { } id || !await AttemptAsync(id, token)) break;
            });
    }

    /// <summary>The customer's oldest pending delivery when it is due; later ones wait behind it.</summary>
    private async Task<long?> OldestDueAsync(int customerId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        var oldest = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.CustomerId == customerId && d.Status == WebhookDeliveryStatus.Pending)
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.NextAttemptAt }).FirstOrDefaultAsync(ct);
        return oldest is not null && oldest.NextAttemptAt <= time.GetUtcNow() ? oldest.Id : null;
    }

    /// <summary>False when the delivery was not accepted, so the customer's later ones wait behind it.</summary>
    private async Task<bool> AttemptAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == id, ct);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.CustomerId == delivery.CustomerId, ct);
        var now = time.GetUtcNow();
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        if (endpoint is null)
        {
            Fail(delivery, now, null, WebhookMessages.NoEndpoint);
            await db.SaveChangesAsync(ct);
            return false;
        }

        delivery.Url = endpoint.Url;
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secrets.Unprotect(endpoint.ProtectedSecret), timestamp, delivery.Payload));
        bool accepted;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            delivery.LastStatusCode = (int)response.StatusCode;
            accepted = response.IsSuccessStatusCode;
            if (accepted)
            {
                delivery.Status = WebhookDeliveryStatus.Delivered;
                delivery.LastError = null;
            }
            else Fail(delivery, now, (int)response.StatusCode, "HTTP " + (int)response.StatusCode);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            accepted = false;
            Fail(delivery, now, null, "超时");
        }
        catch (HttpRequestException e)
        {
            accepted = false;
            Fail(delivery, now, null, e.Message);
        }
        await db.SaveChangesAsync(ct);
        if (!accepted) logger.LogInformation("Webhook delivery {Id} to customer {Customer} not accepted: {Error}", id, delivery.CustomerId, delivery.LastError);
        return accepted;
    }

    private void Fail(WebhookDelivery delivery, DateTimeOffset now, int? status, string error)
    {
        delivery.LastStatusCode = status;
        delivery.LastError = error.Length <= 300 ? error : error[..300];
        if (now - delivery.CreatedAt >= options.Value.GiveUpAfter)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            return;
        }
        var o = options.Value;
        var factor = Math.Pow(2, Math.Min(delivery.Attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(o.MaxRetryDelay.Ticks, o.FirstRetryDelay.Ticks * factor));
        delivery.NextAttemptAt = now + delay;
    }
}
