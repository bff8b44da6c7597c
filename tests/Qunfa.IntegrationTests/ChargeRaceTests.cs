using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.IntegrationTests;

/// <summary>
/// A big send (charged alone, outside the group commit) racing many single sends for the same tight balance: the
/// loser of each race plans again instead of overdrawing or being refused for a balance that is still there.
/// </summary>
public sealed class ChargeRaceTests
{
    private const int Singles = 20;
    private const int Big = 1500;

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BigSend_RacingSingleSends_OnAnExactBalance_AllAccepted_NoneOverdrawn(DatabaseKind db)
    {
        // Nothing is dispatched: only the charging is under test.
        var settings = new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" };
        // The notification grant pays for the singles or for the big send's first numbers, whichever charges first;
        // the general grant for the rest. Together they hold exactly what every send needs.
        await using var s = await SendingScenario.StartAsync(db, balance: Singles, settings);
        var general = await s.App.WithDbAsync(async d =>
        {
            var grant = new PackageGrant
            {
                CustomerId = s.CustomerId, Category = SmsCategory.General, Size = Big, Status = GrantStatus.Active, Source = GrantSource.Allocated,
                ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            d.PackageGrants.Add(grant);
            await d.SaveChangesAsync();
            return grant.Id;
        });
        var bigList = string.Join('\n', Enumerable.Range(0, Big).Select(i => $"1360000{i:D4}"));

        var big = Task.Run(() => SendingScenario.SendAsync(s, bigList), TestContext.Current.CancellationToken);
        var singles = Enumerable.Range(0, Singles).Select(i => Task.Run(() => SendingScenario.SendAsync(s, $"1391234{i:D4}"), TestContext.Current.CancellationToken)).ToList();
        var results = await Task.WhenAll([big, .. singles]);

        Assert.All(results, r => Assert.True(r.Outcome.Succeeded, string.Join(";", r.Outcome.Errors.SelectMany(e => e.Value))));
        Assert.Equal(Big, (await big).Task!.Recipients);
        var used = await s.App.WithDbAsync(d => d.PackageGrants.ToDictionaryAsync(g => g.Id, g => g.Used));
        Assert.Equal(new Dictionary<int, int> { [s.GrantId] = Singles, [general] = Big }, used);
        Assert.Equal(Big + Singles, await s.App.WithDbAsync(d => d.SendRecords.CountAsync()));
        // Each record is paid by a grant that was charged for it.
        var perGrant = await s.App.WithDbAsync(d => d.SendRecords.GroupBy(r => r.GrantId).ToDictionaryAsync(g => g.Key, g => g.Sum(r => r.Segments)));
        Assert.Equal(used, perGrant);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BigSend_RacingSingleSends_OnATooSmallBalance_NeverOverdraws(DatabaseKind db)
    {
        var settings = new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" };
        // Room for the big send and five singles, or for twenty singles and no big send.
        await using var s = await SendingScenario.StartAsync(db, balance: Big + 5, settings);
        var bigList = string.Join('\n', Enumerable.Range(0, Big).Select(i => $"1360000{i:D4}"));

        var big = Task.Run(() => SendingScenario.SendAsync(s, bigList), TestContext.Current.CancellationToken);
        var singles = Enumerable.Range(0, Singles).Select(i => Task.Run(() => SendingScenario.SendAsync(s, $"1391234{i:D4}"), TestContext.Current.CancellationToken)).ToList();
        var results = await Task.WhenAll([big, .. singles]);

        var accepted = results.Where(r => r.Task is not null).Sum(r => r.Task!.Recipients);
        var used = await s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync());
        Assert.True(used <= Big + 5, $"overdrawn: {used}");
        Assert.Equal(accepted, used);
        Assert.Equal(accepted, await s.App.WithDbAsync(d => d.SendRecords.CountAsync()));
        // The big send lost only if the singles had taken more than five by the time it charged.
        if ((await big).Task is null) Assert.True(results.Count(r => r.Task is not null) > 5);
    }
}
