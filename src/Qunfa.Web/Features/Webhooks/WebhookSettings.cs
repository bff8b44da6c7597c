using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Webhooks;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Webhooks;

/// <summary>回调设置 of a customer: the URL, the signing secret, and the deliveries made; scoped to the customer id given.</summary>
public sealed class WebhookSettings(QunfaDbContext db, SecretProtector secrets, IOptions<WebhookOptions> options, TimeProvider time)
{
    public Task<WebhookEndpoint?> GetAsync(int customerId, CancellationToken ct) =>
        db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.CustomerId == customerId, ct);

    public string MaskedSecret(WebhookEndpoint endpoint) => secrets.Mask(endpoint.ProtectedSecret);

    /// <summary>Saves the URL; the first save also makes the secret, returned then so it can be shown once in full.</summary>
    public async Task<(Outcome Outcome, string? NewSecret)> SaveUrlAsync(int customerId, string? url, CancellationToken ct)
    {
        var outcome = WebhookUrlRules.Validate(url, options.Value.AllowInsecureUrls, out var uri);
        if (!outcome.Succeeded) return (outcome, null);
        var now = time.GetUtcNow();
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.CustomerId == customerId, ct);
        string? secret = null;
        if (endpoint is null)
        {
            secret = NewSecret();
            // Events from before the callback was set are not sent.
            endpoint = new WebhookEndpoint
            {
                CustomerId = customerId, ProtectedSecret = secrets.Protect(secret),
                ReportCursorAt = now, ReplyCursorAt = now,
            };
            db.WebhookEndpoints.Add(endpoint);
        }
        endpoint.Url = uri!.ToString();
        endpoint.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return (outcome, secret);
    }

    /// <summary>A new signing secret, returned once in full; null when no callback is set.</summary>
    public async Task<string?> RegenerateSecretAsync(int customerId, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.CustomerId == customerId, ct);
        if (endpoint is null) return null;
        var secret = NewSecret();
        endpoint.ProtectedSecret = secrets.Protect(secret);
        endpoint.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>
    /// Stops the callbacks: the URL and secret are forgotten and what was still waiting is given up on now rather
    /// than retried for a day against an address the customer no longer wants called. False when none was set.
    /// </summary>
    public async Task<bool> RemoveAsync(int customerId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.WebhookEndpoints.Where(e => e.CustomerId == customerId).ExecuteDeleteAsync(ct) == 0) return false;
        await db.WebhookDeliveries.Where(d => d.CustomerId == customerId && d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, WebhookDeliveryStatus.Failed).SetProperty(d => d.LastError, WebhookMessages.Removed), ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<PagedList<WebhookDelivery>> DeliveriesAsync(int customerId, PageRequest page, CancellationToken ct)
    {
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.CustomerId == customerId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.Id).Skip(page.Skip).Take(page.Size)
            .Select(d => new WebhookDelivery
            {
                Id = d.Id, CustomerId = d.CustomerId, Url = d.Url, EventCount = d.EventCount, Status = d.Status, Attempts = d.Attempts,
                CreatedAt = d.CreatedAt, NextAttemptAt = d.NextAttemptAt, LastAttemptAt = d.LastAttemptAt,
                LastStatusCode = d.LastStatusCode, LastError = d.LastError,
            })
            .ToListAsync(ct);
        return new PagedList<WebhookDelivery>(items, total, page);
    }

    private static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
