using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;

namespace Qunfa.IntegrationTests;

/// <summary>
/// The writer's statements bound by position on SQLite's own handle (<see cref="SqliteStatements"/>) store what
/// Microsoft.Data.Sqlite stores for the same values, count the rows it counts, and fail as it fails.
/// </summary>
public sealed class SqliteStatementsTests
{
    private const string Insert = """INSERT INTO "Probe" ("Way", "Value") VALUES (@p0, @p1)""";

    public static TheoryData<object?> Values() => new(
        [null!, DBNull.Value, 42L, int.MinValue, (short)-7, (byte)255, true, false, 1.25, "文本 text", new byte[] { 0, 1, 254 }, new DateOnly(2026, 3, 7)]);

    [Theory, MemberData(nameof(Values))]
    public async Task AValue_IsStoredAsMicrosoftDataSqliteStoresIt(object? value)
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        var stored = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("""CREATE TEMP TABLE "Probe" ("Way" TEXT, "Value")""");
            // Outside a transaction the statement goes through Microsoft.Data.Sqlite; inside, through the handle.
            Assert.False(SqliteStatements.TryExecute(db, Insert, ["library", value], out _));
            Assert.Equal(1, await PreparedCommands.ExecuteAsync(db, Insert, TestContext.Current.CancellationToken, "library", value));
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True(SqliteStatements.TryExecute(db, Insert, ["handle", value], out var affected));
            Assert.Equal(1, affected);
            var rows = await db.Database.SqlQueryRaw<Stored>("""SELECT "Way", typeof("Value") AS "Type", quote("Value") AS "Quoted" FROM "Probe" ORDER BY "Way" DESC""").ToListAsync();
            await transaction.CommitAsync();
            return rows;
        });
        Assert.Equal(2, stored.Count);
        Assert.Equal((stored[0].Type, stored[0].Quoted), (stored[1].Type, stored[1].Quoted));
    }

    [Fact]
    public async Task ParametersUsedOutOfOrder_AreEachBoundToTheirOwnName()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        var stored = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("""CREATE TEMP TABLE "Probe" ("Way" TEXT, "Value")""");
            await using var transaction = await db.Database.BeginTransactionAsync();
            // SQLite numbers @p1 first here, as it is used first.
            Assert.True(SqliteStatements.TryExecute(db, """INSERT INTO "Probe" ("Value", "Way") VALUES (@p1, @p0)""", ["handle", 7L], out _));
            return await db.Database.SqlQueryRaw<string>("""SELECT "Way" || '=' || "Value" AS "Value" FROM "Probe" """).SingleAsync();
        });
        Assert.Equal("handle=7", stored);
    }

    [Fact]
    public async Task AScalar_IsTypedAsExecuteScalarTypesIt_AndAFailure_IsTheLibrarysException()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("""CREATE TEMP TABLE "Unique" ("Key" TEXT PRIMARY KEY)""");
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var sql in new[] { "SELECT 7", "SELECT 'seven'", "SELECT 7.5", "SELECT NULL", "SELECT x'07'" })
            {
                Assert.True(SqliteStatements.TryScalar(db, sql, [], out var fast));
                var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = sql;
                Assert.Equal(await command.ExecuteScalarAsync(), fast);
            }
            Assert.True(SqliteStatements.TryScalar(db, """INSERT INTO "Unique" VALUES (@p0) RETURNING "Key" """, ["k"], out var key));
            Assert.Equal("k", key);
            var e = Assert.Throws<SqliteException>(() => SqliteStatements.TryExecute(db, """INSERT INTO "Unique" VALUES (@p0)""", ["k"], out _));
            Assert.Equal(19, e.SqliteErrorCode); // SQLITE_CONSTRAINT
            Assert.Equal(1555, e.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_PRIMARYKEY
            // The statement is usable again after its failure; an update counts the rows it changed.
            Assert.True(SqliteStatements.TryExecute(db, """INSERT INTO "Unique" VALUES (@p0)""", ["l"], out _));
            Assert.True(SqliteStatements.TryExecute(db, """UPDATE "Unique" SET "Key" = "Key" || '!' """, [], out var changed));
            Assert.Equal(2, changed);
            // Text of two statements, and values it does not bind, stay with Microsoft.Data.Sqlite.
            Assert.False(SqliteStatements.TryExecute(db, "SELECT 1; SELECT 2", [], out _));
            Assert.False(SqliteStatements.TryExecute(db, """INSERT INTO "Unique" VALUES (@p0)""", [Guid.NewGuid()], out _));
            await transaction.RollbackAsync();
            return 0;
        });
    }

    private sealed record Stored(string Way, string Type, string Quoted);
}
