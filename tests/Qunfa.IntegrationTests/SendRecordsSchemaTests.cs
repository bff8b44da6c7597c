using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Qunfa.IntegrationTests;

/// <summary>
/// The recipient table carries only the indexes its queries need: every insert and (on PostgreSQL) every update of a record
/// writes an entry into each of them. The grant's foreign key stays (on PostgreSQL as a check per statement); its index,
/// which no query reads, is gone.
/// </summary>
public sealed class SendRecordsSchemaTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GrantForeignKey_IsKept_WithoutAnIndexOfItsOwn(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        var (indexes, grantKeys) = await app.WithDbAsync(async d => db == DatabaseKind.Postgres
            ? (await d.Database.SqlQueryRaw<string>("""SELECT indexname AS "Value" FROM pg_indexes WHERE tablename = 'SendRecords'""").ToListAsync(),
               // There the grant is checked per statement by a trigger instead of per row (RecordParentChecksSql).
               await d.Database.SqlQueryRaw<string>("""
                   SELECT tgname AS "Value" FROM pg_trigger WHERE tgrelid = '"SendRecords"'::regclass AND tgname = 'SendRecords_ParentsExist'
                   """).ToListAsync())
            : (await d.Database.SqlQueryRaw<string>("""SELECT name AS "Value" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'SendRecords'""").ToListAsync(),
               await d.Database.SqlQueryRaw<string>("""SELECT "table" AS "Value" FROM pragma_foreign_key_list('SendRecords') WHERE "table" = 'PackageGrants'""").ToListAsync()));
        Assert.Contains("IX_SendRecords_TaskId_Status_Id", indexes);
        Assert.DoesNotContain("IX_SendRecords_GrantId", indexes);
        Assert.Single(grantKeys);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RecordsKeepTheirTaskAndGrant_AsForeignKeysWould(DatabaseKind db)
    {
        var settings = new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" };
        var s = await SendingScenario.StartAsync(db, balance: 10, settings);
        await using var _ = s.App;
        var (accepted, _) = await SendingScenario.SendAsync(s, "13912345678\n13987654321");
        var taskId = accepted!.TaskId;
        const string insert = """
            INSERT INTO "SendRecords" ("TaskId", "CustomerId", "Phone", "Segments", "GrantId", "Status", "Attempts", "Refunded")
            VALUES ({0}, {1}, '13900000009', 1, {2}, 'Queued', 0, FALSE)
            """;

        // A record of a task or a grant that does not exist is refused, whatever else the statement inserts.
        await Assert.ThrowsAnyAsync<DbException>(() => s.App.WithDbAsync(d => d.Database.ExecuteSqlRawAsync(insert, taskId + 1000, s.CustomerId, s.GrantId)));
        await Assert.ThrowsAnyAsync<DbException>(() => s.App.WithDbAsync(d => d.Database.ExecuteSqlRawAsync(insert, taskId, s.CustomerId, s.GrantId + 1000)));
        await Assert.ThrowsAnyAsync<DbException>(() => s.App.WithDbAsync(d => d.Database.ExecuteSqlRawAsync(
            insert + """, ({3}, {1}, '13900000008', 1, {2}, 'Queued', 0, FALSE)""", taskId, s.CustomerId, s.GrantId, taskId + 1000)));
        Assert.Equal(2, await s.App.WithDbAsync(d => d.SendRecords.CountAsync(r => r.TaskId == taskId)));
        Assert.Equal(1, await s.App.WithDbAsync(d => d.Database.ExecuteSqlRawAsync(insert, taskId, s.CustomerId, s.GrantId)));
        // A record's task and grant never change under it.
        await Assert.ThrowsAnyAsync<DbException>(() => s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == taskId).ExecuteUpdateAsync(u => u.SetProperty(r => r.GrantId, s.GrantId + 1000))));
        // A grant that records were charged to cannot be deleted; deleting a task deletes its records.
        await Assert.ThrowsAnyAsync<DbException>(() => s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).ExecuteDeleteAsync()));
        await s.App.WithDbAsync(d => d.ApiSends.Where(a => a.TaskId == taskId).ExecuteDeleteAsync());
        Assert.Equal(1, await s.App.WithDbAsync(d => d.SendTasks.Where(t => t.Id == taskId).ExecuteDeleteAsync()));
        Assert.Equal(0, await s.App.WithDbAsync(d => d.SendRecords.CountAsync(r => r.TaskId == taskId)));
        Assert.Equal(1, await s.App.WithDbAsync(d => d.PackageGrants.CountAsync(g => g.Id == s.GrantId)));
    }
}
