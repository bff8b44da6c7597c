using Microsoft.EntityFrameworkCore;

namespace Qunfa.IntegrationTests;

/// <summary>SQLite's log is copied back into the database file by the host's own checkpoints, not by a commit.</summary>
public sealed class SqliteCheckpointTests
{
    [Fact]
    public async Task ALogFarBelowTheAutomaticThreshold_ReachesTheDatabaseFile()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" });
        var file = new FileInfo(Path.Combine(app.Database.DataDirectory, "qunfa.db"));
        var before = Length(file);

        // About 60 pages: a commit would copy them back only past 10,000.
        await app.WithDbAsync(d => d.Database.ExecuteSqlRawAsync("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
            INSERT INTO "ApiNonces" ("AccessKeyId", "NonceHash", "ExpiresAt") SELECT 'checkpoint', printf('%064d', i), 0 FROM n
            """));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Length(file) < before + 64 * 1024 && DateTime.UtcNow < deadline)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(Length(file) >= before + 64 * 1024, $"the database file stayed at {Length(file):N0} bytes (was {before:N0})");
    }

    private static long Length(FileInfo file)
    {
        file.Refresh();
        return file.Length;
    }
}
