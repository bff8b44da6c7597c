using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending.Dispatch;

namespace Qunfa.IntegrationTests;

/// <summary>
/// The carrier's answers of several claims recorded in one write: each claim's in-flight rows get that claim's BizId, and
/// nothing else changes — not another claim's rows, not a row of the claim that was settled meanwhile.
/// </summary>
public sealed class DispatchAnswerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const int PerTask = Dispatcher.SmallTask;

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnswersOfSeveralClaims_InOneWrite_MarkEachClaimsRowsWithItsOwnBizId(DatabaseKind db)
    {
        // No workers: the test claims and answers itself, through the engine's own claim and answer paths.
        await using var s = await SendingScenario.StartAsync(db, balance: 3 * PerTask, new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" });
        // Tasks too large to go out together with others (Dispatcher.SmallTask): one claim each.
        foreach (var task in new[] { 1, 2, 3 })
            Assert.NotNull((await SendingScenario.SendAsync(s, string.Join('\n', Enumerable.Range(0, PerTask).Select(i => $"139{task}{i:D7}")))).Task);
        var claims = await s.App.Services.GetRequiredService<Dispatcher>().ClaimAsync(3, Ct);
        Assert.Equal(3, claims.Count);
        var (first, second, third) = (claims[0].Id, claims[1].Id, claims[2].Id);
        // A receipt settled one number of the first claim before its answer was recorded.
        var settledId = await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.ClaimId == first).MinAsync(r => r.Id));
        await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.Id == settledId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RecipientStatus.Delivered).SetProperty(r => r.NextAttemptAt, (DateTimeOffset?)null)));

        await s.App.Services.GetRequiredService<SubmittedAnswers>().WriteAsync([(first, "BIZ-FIRST"), (second, "BIZ-SECOND")], Ct);

        var rows = await s.App.WithDbAsync(d => d.SendRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(3 * PerTask, rows.Count);
        foreach (var row in rows)
        {
            var expected = row.Id == settledId ? (RecipientStatus.Delivered, (string?)null)
                : row.ClaimId == first ? (RecipientStatus.Submitted, "BIZ-FIRST")
                : row.ClaimId == second ? (RecipientStatus.Submitted, "BIZ-SECOND")
                : (RecipientStatus.Submitting, null);
            Assert.Equal(expected, (row.Status, row.BizId));
            Assert.Equal(row.Status == RecipientStatus.Submitted, row.SubmittedAt is not null);
        }
        Assert.Equal(PerTask, rows.Count(r => r.ClaimId == third && r.Status == RecipientStatus.Submitting));
        // A submitted row waits for its receipt; its follow-up is due after the receipt timeout, not at once.
        Assert.All(rows.Where(r => r.Status == RecipientStatus.Submitted), r => Assert.True(r.NextAttemptAt > r.SubmittedAt));
    }
}
