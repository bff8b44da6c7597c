using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Manage;
using Qunfa.Web.Data;
using Qunfa.Web.Infrastructure.Cluster;
using Qunfa.Web.Features.Messaging;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Workers;

/// <summary>
/// Moves signatures and templates out of 审批中 without anyone pressing a button: asks the carrier for
/// each one whose check is due, and backs off for those still under review.
/// </summary>
public sealed class ReviewSyncWorker(
    IServiceScopeFactory scopes,
    IOptions<ReviewSyncOptions> options,
    ClusterLock cluster,
    TimeProvider time,
    ILogger<ReviewSyncWorker> logger) : BackgroundService
{
    private sealed record Due(int Id, string Key, int Checks);

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Runs the next sync now rather than at the next tick (a review report arrived).</summary>
    public void Nudge()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { /* a sync is already due */ }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                await cluster.RunAloneAsync("review-sync", async ct =>
                {
                    await SyncSignaturesAsync(ct);
                    await SyncTemplatesAsync(ct);
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Review sync failed; trying again at the next tick");
            }
        }
        while (await WaitAsync(stoppingToken));
    }

    private async Task<bool> WaitAsync(CancellationToken ct)
    {
        await _wake.WaitAsync(options.Value.Interval, ct);
        return !ct.IsCancellationRequested;
    }

    public async Task SyncSignaturesAsync(CancellationToken ct)
    {
        var due = await DueAsync(db => db.Signatures.Where(s => s.Status == ReviewStatus.UnderReview && s.NextReviewCheckAt <= time.GetUtcNow())
            .OrderBy(s => s.NextReviewCheckAt).Select(s => new Due(s.Id, s.Name, s.ReviewChecks)), ct);
        foreach (var item in due)
        {
            var verdict = await AskAsync(async carrier => (await carrier.GetSmsSignAsync(item.Key, ct)).Status, item.Key);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
            var signature = await db.Signatures.FirstOrDefaultAsync(s => s.Id == item.Id && s.Status == ReviewStatus.UnderReview, ct);
            if (signature is null) continue;
            (signature.Status, signature.Reason, signature.NextReviewCheckAt, signature.ReviewChecks) = Next(verdict, item.Checks, signature.Reason);
            signature.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task SyncTemplatesAsync(CancellationToken ct)
    {
        var due = await DueAsync(db => db.Templates.Where(t => t.Status == ReviewStatus.UnderReview && t.TemplateCode != null && t.NextReviewCheckAt <= time.GetUtcNow())
            .OrderBy(t => t.NextReviewCheckAt).Select(t => new Due(t.Id, t.TemplateCode!, t.ReviewChecks)), ct);
        foreach (var item in due)
        {
            var verdict = await AskAsync(async carrier => (await carrier.GetSmsTemplateAsync(item.Key, ct)).Status, item.Key);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
            var template = await db.Templates.FirstOrDefaultAsync(t => t.Id == item.Id && t.Status == ReviewStatus.UnderReview, ct);
            if (template is null) continue;
            (template.Status, template.Reason, template.NextReviewCheckAt, template.ReviewChecks) = Next(verdict, item.Checks, template.Reason);
            template.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
    }

    // The context that found the work is disposed before the carrier is called.
    private async Task<List<Due>> DueAsync(Func<QunfaDbContext, IQueryable<Due>> query, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        return await query(db).Take(options.Value.BatchSize).ToListAsync(ct);
    }

    /// <summary>The carrier's verdict, or null when it could not be asked this time.</summary>
    private async Task<Qunfa.Aliyun.Manage.ReviewStatus?> AskAsync(Func<IAliyunSmsManagementClient, Task<Qunfa.Aliyun.Manage.ReviewStatus>> ask, string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return await ask(scope.ServiceProvider.GetRequiredService<IAliyunSmsManagementClient>());
        }
        catch (AliyunApiException e)
        {
            logger.LogInformation("Review state of {Key} not available now: {Code} {Message}", key, e.Code, e.Message);
            return null;
        }
    }

    private (ReviewStatus Status, string? Reason, DateTimeOffset? NextCheck, int Checks) Next(
        Qunfa.Aliyun.Manage.ReviewStatus? verdict, int checks, string? reason)
    {
        var status = verdict is null ? ReviewStatus.UnderReview : ReviewStatusMap.From(verdict.State);
        if (status is ReviewStatus.Approved or ReviewStatus.Rejected)
            return (status, status == ReviewStatus.Rejected ? verdict!.Reason ?? "审核未通过" : null, null, checks + 1);
        return (ReviewStatus.UnderReview, reason, time.GetUtcNow() + ReviewStatusMap.NextCheckAfter(checks + 1), checks + 1);
    }
}
