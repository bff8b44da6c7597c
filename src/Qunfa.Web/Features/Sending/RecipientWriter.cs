using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.Web.Features.Sending;

/// <summary>
/// Writes a task's recipient rows inside the caller's transaction, in bulk: one prepared INSERT re-bound
/// per row on SQLite (kept with the connection, PreparedCommands), binary COPY on PostgreSQL — never one tracked entity per row.
/// </summary>
public static class RecipientWriter
{
    public sealed record Row(string Phone, string? Variables, int Segments, int GrantId);

    private static readonly string Queued = nameof(RecipientStatus.Queued);

    public static Task WriteAsync(QunfaDbContext db, long taskId, int customerId, IEnumerable<Row> rows, DateTimeOffset now, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Recipient rows are written inside the task's transaction.");
        return connection switch
        {
            NpgsqlConnection npgsql => CopyAsync(npgsql, taskId, customerId, rows, now, ct),
            SqliteConnection => InsertAsync(db, taskId, customerId, rows, now, ct),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
    }

    private const string Insert = """
        INSERT INTO "SendRecords" ("TaskId", "CustomerId", "Phone", "Variables", "Segments", "GrantId", "Status", "Attempts", "NextAttemptAt", "Refunded")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, 0, @p7, FALSE)
        """;

    // Insert's rows from one array per column (WriteBatch.AddRowAsync), cast without lengths: a value too long fails
    // the insert as in Insert instead of being cut by the cast.
    private const string ManyRows = """
        INSERT INTO "SendRecords" ("TaskId", "CustomerId", "Phone", "Variables", "Segments", "GrantId", "Status", "Attempts", "NextAttemptAt", "Refunded")
        SELECT r.task, r.customer, r.phone, r.variables, r.segments, r.grant_id, r.status, 0, r.next, FALSE
        FROM unnest(@p0::bigint[], @p1::integer[], @p2::varchar[], @p3::varchar[], @p4::integer[], @p5::integer[], @p6::varchar[],
            @p7::timestamp with time zone[]) AS r(task, customer, phone, variables, segments, grant_id, status, next)
        """;

    /// <summary>Adds one row to a small send's statements (<see cref="WriteBatch.AddRowAsync"/>): with the other rows of the batch on PostgreSQL.</summary>
    public static Task AddAsync(WriteBatch write, QunfaDbContext db, long taskId, int customerId, Row row, DateTimeOffset now, CancellationToken ct) =>
        write.AddRowAsync(Insert, ManyRows, [taskId, customerId, row.Phone, row.Variables, row.Segments, row.GrantId, Queued, StoredTime.Of(db, now)], ct);

    private static async Task InsertAsync(QunfaDbContext db, long taskId, int customerId, IEnumerable<Row> rows, DateTimeOffset now, CancellationToken ct)
    {
        // A million rows go through here: the time is converted once, and one statement prepared once is bound by position
        // for each row (SqliteStatements).
        var next = StoredTime.Of(db, now);
        foreach (var row in rows)
            await PreparedCommands.ExecuteAsync(db, Insert, ct, taskId, customerId, row.Phone, row.Variables, row.Segments, row.GrantId, Queued, next);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, long taskId, int customerId, IEnumerable<Row> rows, DateTimeOffset now, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            """COPY "SendRecords" ("TaskId", "CustomerId", "Phone", "Variables", "Segments", "GrantId", "Status", "Attempts", "NextAttemptAt", "Refunded") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(taskId, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(customerId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(row.Phone, NpgsqlDbType.Varchar, ct);
            if (row.Variables is null) await importer.WriteNullAsync(ct);
            else await importer.WriteAsync(row.Variables, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(row.Segments, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(row.GrantId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(Queued, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(0, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(now.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
        }
        await importer.CompleteAsync(ct);
    }
}
