using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Domain.Webhooks;

namespace Qunfa.Web.Features.Webhooks;

/// <summary>
/// Turns each customer's settled records and matched replies into <see cref="WebhookDelivery"/> rows. The
/// delivery and the advanced cursor are saved together, so an event is put into exactly one delivery even
/// across restarts; only events older than the safety lag are read, so a row committed a little after a
/// later one is not jumped over.
/// </summary>
public sealed class WebhookOutbox(QunfaDbContext db, IOptions<WebhookOptions> options, TimeProvider time)
{
    /// <summary>Writes what is due for every customer with a callback; returns the number of deliveries written.</summary>
    public async Task<int> CollectAsync(CancellationToken ct)
    {
        var customers = await db.WebhookEndpoints.AsNoTracking().Select(e => e.CustomerId).ToListAsync(ct);
        var written = 0;
        foreach (var customerId in customers)
        {
            while (await CollectReportsAsync(customerId, ct)) written++;
            while (await CollectRepliesAsync(customerId, ct)) written++;
        }
        return written;
    }

    private async Task<bool> CollectReportsAsync(int customerId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.CustomerId == customerId, ct);
        if (endpoint is null) return false;
        var horizon = time.GetUtcNow() - options.Value.SafetyLag;
        var (at, id) = (endpoint.ReportCursorAt, endpoint.ReportCursorId);
        var rows = await db.SendRecords.AsNoTracking()
            .Where(r => r.CustomerId == customerId && r.ReportedAt != null && r.ReportedAt <= horizon
                && (r.Status == RecipientStatus.Delivered || r.Status == RecipientStatus.Failed)
                && (r.ReportedAt > at || (r.ReportedAt == at && r.Id > id)))
            .OrderBy(r => r.ReportedAt).ThenBy(r => r.Id)
            .Take(options.Value.MaxEventsPerDelivery)
            .Select(r => new { r.Id, r.TaskId, r.Phone, r.Status, r.Code, r.Description, r.Segments, ReportedAt = r.ReportedAt!.Value })
            .ToListAsync(ct);
        if (rows.Count == 0) return false;
        var events = rows.Select(r => new ReportEvent(WebhookEventJson.Report, r.Id, r.TaskId, r.Phone,
            r.Status == RecipientStatus.Delivered ? "DELIVERED" : "FAILED", r.Code, r.Description, r.Segments, r.ReportedAt)).ToList();
        endpoint.ReportCursorAt = rows[^1].ReportedAt;
        endpoint.ReportCursorId = rows[^1].Id;
        Add(endpoint, WebhookEventJson.Serialize(events), events.Count);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<bool> CollectRepliesAsync(int customerId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.CustomerId == customerId, ct);
        if (endpoint is null) return false;
        var horizon = time.GetUtcNow() - options.Value.SafetyLag;
        var (at, id) = (endpoint.ReplyCursorAt, endpoint.ReplyCursorId);
        var rows = await db.InboundReplies.AsNoTracking()
            .Where(r => r.CustomerId == customerId && r.ReceivedAt <= horizon && (r.ReceivedAt > at || (r.ReceivedAt == at && r.Id > id)))
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id)
            .Take(options.Value.MaxEventsPerDelivery)
            .ToListAsync(ct);
        if (rows.Count == 0) return false;
        var events = rows.Select(r => new ReplyEvent(WebhookEventJson.Reply, r.Id, r.Phone, r.Content, r.SignName, r.DestCode, r.TaskId,
            r.OptedOut, r.SentAt, r.ReceivedAt)).ToList();
        endpoint.ReplyCursorAt = rows[^1].ReceivedAt;
        endpoint.ReplyCursorId = rows[^1].Id;
        Add(endpoint, WebhookEventJson.Serialize(events), events.Count);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private void Add(WebhookEndpoint endpoint, string payload, int count)
    {
        var now = time.GetUtcNow();
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            CustomerId = endpoint.CustomerId, Url = endpoint.Url, Payload = payload, EventCount = count,
            Status = WebhookDeliveryStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        });
    }
}
