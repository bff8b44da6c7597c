using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Data;

namespace Qunfa.IntegrationTests;

/// <summary>Units that share a group commit: each answered after the commit, a failing one rolled back alone.</summary>
public sealed class GroupCommitTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FailingUnit_IsRolledBackAlone_AndTheOthersAreCommitted(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        var groupCommit = app.Services.GetRequiredService<GroupCommit>();
        var release = new TaskCompletionSource();

        // The first unit holds the writer until the others are queued, so that those share the next batch.
        var first = groupCommit.RunAsync(async (d, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return await InsertAsync(d, "first", ct);
        }, CancellationToken.None);
        var failing = groupCommit.RunAsync<int>(async (d, ct) =>
        {
            await InsertAsync(d, "failing", ct);
            throw new InvalidOperationException("refused");
        }, CancellationToken.None);
        var duplicate = groupCommit.RunAsync((d, ct) => InsertAsync(d, "first", ct), CancellationToken.None);
        var last = groupCommit.RunAsync((d, ct) => InsertAsync(d, "last", ct), CancellationToken.None);
        release.SetResult();

        Assert.Equal(1, await first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(0, await duplicate);
        Assert.Equal(1, await last);
        var nonces = await app.WithDbAsync(d => d.ApiNonces.Where(n => n.AccessKeyId == "group-commit").Select(n => n.NonceHash).OrderBy(n => n).ToListAsync());
        Assert.Equal(["first", "last"], nonces);
    }

    private static Task<int> InsertAsync(QunfaDbContext db, string nonce, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ApiNonces" ("AccessKeyId", "NonceHash", "ExpiresAt") VALUES ('group-commit', {nonce}, 0) ON CONFLICT DO NOTHING""", ct);
}
