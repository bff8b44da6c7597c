using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Qunfa.Web.Data;

/// <summary>
/// SQLite keeps no statistics unless ANALYZE is run, and without them it takes an equality on any indexed column
/// to select about ten rows. The engine settles records by id with a status condition ("these ids, if still
/// 已提交"); the planner then walks every record in that status through the status index instead of looking the
/// ids up by primary key — one pass over all pending records per batch of receipts. One row of sqlite_stat1 says
/// what is true of every real table: a status is shared by a large part of the records. It is written at start-up,
/// so the plans do not depend on when, or whether, anyone ran ANALYZE.
/// </summary>
public static class SqlitePlannerStatistics
{
    private const string Table = "SendRecords";
    private const string StatusIndex = "IX_SendRecords_Status_NextAttemptAt_Id";

    // nRow, rows per Status, per (Status, NextAttemptAt), per full key.
    private const string StatusShape = "1000000 100000 10 1";

    public static async Task WriteAsync(QunfaDbContext db, CancellationToken ct)
    {
        // "ANALYZE sqlite_schema" creates sqlite_stat1 when it does not exist yet, without reading any table.
        await db.Database.ExecuteSqlRawAsync("ANALYZE sqlite_schema;", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM sqlite_stat1 WHERE tbl = {Table} AND idx = {StatusIndex}", ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ({Table}, {StatusIndex}, {StatusShape})", ct);
        // Statistics are read when a connection loads the schema; pooled connections opened before would keep the old plans.
        SqliteConnection.ClearAllPools();
    }
}
