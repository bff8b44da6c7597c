using Microsoft.EntityFrameworkCore;

namespace Qunfa.IntegrationTests;

/// <summary>
/// The recipient table carries only the indexes its queries need: every insert and (on PostgreSQL) every update of a record
/// writes an entry into each of them. The grant's foreign key stays; its index, which no query reads, is gone.
/// </summary>
public sealed class SendRecordsSchemaTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GrantForeignKey_IsKept_WithoutAnIndexOfItsOwn(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        var (indexes, grantKeys) = await app.WithDbAsync(async d => db == DatabaseKind.Postgres
            ? (await d.Database.SqlQueryRaw<string>("""SELECT indexname AS "Value" FROM pg_indexes WHERE tablename = 'SendRecords'""").ToListAsync(),
               await d.Database.SqlQueryRaw<string>("""
                   SELECT conname AS "Value" FROM pg_constraint
                   WHERE conrelid = '"SendRecords"'::regclass AND contype = 'f' AND confrelid = '"PackageGrants"'::regclass
                   """).ToListAsync())
            : (await d.Database.SqlQueryRaw<string>("""SELECT name AS "Value" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'SendRecords'""").ToListAsync(),
               await d.Database.SqlQueryRaw<string>("""SELECT "table" AS "Value" FROM pragma_foreign_key_list('SendRecords') WHERE "table" = 'PackageGrants'""").ToListAsync()));
        Assert.Contains("IX_SendRecords_TaskId_Status_Id", indexes);
        Assert.DoesNotContain("IX_SendRecords_GrantId", indexes);
        Assert.Single(grantKeys);
    }
}
