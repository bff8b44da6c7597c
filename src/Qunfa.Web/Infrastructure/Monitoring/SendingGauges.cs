using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.Web.Infrastructure.Monitoring;

/// <summary>
/// What the queue looks like in the database, the same on every node: numbers waiting, claimed, and submitted
/// without a receipt, and how long the oldest of those has waited. Read at most every few seconds, over the
/// (Status, NextAttemptAt) index, so a scrape costs three index range scans.
/// </summary>
public sealed class SendingGauges
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<SendingGauges> _logger;
    private readonly Lock _gate = new();
    private Snapshot? _last;

    private sealed record Snapshot(DateTimeOffset At, long Queued, long Submitting, long Submitted, double ReceiptLagSeconds);

    public SendingGauges(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time, ILogger<SendingGauges> logger)
    {
        (_scopes, _time, _logger) = (scopes, time, logger);
        var meter = meters.Create(QunfaMeter.Name);
        meter.CreateObservableGauge<long>("qunfa.send.queue", () =>
        {
            if (Read() is not { } s) return [];
            return (IEnumerable<Measurement<long>>)
            [
                new Measurement<long>(s.Queued, new KeyValuePair<string, object?>("status", "queued")),
                new Measurement<long>(s.Submitting, new KeyValuePair<string, object?>("status", "submitting")),
                new Measurement<long>(s.Submitted, new KeyValuePair<string, object?>("status", "submitted")),
            ];
        }, unit: "{number}", description: "Numbers waiting to be sent (queued), claimed by a dispatcher (submitting), or at the carrier without a receipt (submitted).");
        meter.CreateObservableGauge<double>("qunfa.receipt.lag", () => Read() is { } s ? [new Measurement<double>(s.ReceiptLagSeconds)] : Array.Empty<Measurement<double>>(),
            unit: "s", description: "How long the oldest number submitted to the carrier has waited for its receipt.");
    }

    private Snapshot? Read()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_last is { } fresh && now - fresh.At < MaxAge) return fresh;
            try
            {
                using var scope = _scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
                long Count(RecipientStatus status) => db.SendRecords.LongCount(r => r.Status == status);
                // A submitted number's next check is its receipt deadline, so the earliest one is the oldest submission.
                var oldest = db.SendRecords.Where(r => r.Status == RecipientStatus.Submitted).OrderBy(r => r.NextAttemptAt)
                    .Select(r => r.SubmittedAt).FirstOrDefault();
                var lag = oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0;
                _last = new Snapshot(now, Count(RecipientStatus.Queued), Count(RecipientStatus.Submitting), Count(RecipientStatus.Submitted), lag);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                _logger.LogInformation("Queue gauges not readable now: {Message}", e.Message);
                _last = null;
            }
            return _last;
        }
    }
}
