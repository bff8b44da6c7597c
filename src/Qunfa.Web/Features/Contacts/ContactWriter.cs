using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using Qunfa.Web.Data;

namespace Qunfa.Web.Features.Contacts;

public enum ImportMode
{
    /// <summary>合并: a number already in the 通讯录 keeps its fields; the file's columns add to or overwrite them.</summary>
    Merge,
    /// <summary>覆盖: a number already in the 通讯录 takes exactly the file's fields.</summary>
    Replace,
}

/// <summary>
/// Writes checked import rows inside the caller's transaction as <see cref="Sending.RecipientWriter"/> writes a send's
/// recipients: the rows go into a temporary table (binary COPY on PostgreSQL, one prepared INSERT re-bound per row on
/// SQLite), then two set-based statements upsert the contacts and add them to the group.
/// </summary>
public static class ContactWriter
{
    public readonly record struct Row(string Phone, string? Name, string? Fields);

    private static readonly ValueConverter<DateTimeOffset, long> SqliteTime = new DateTimeOffsetToBinaryConverter();

    public static async Task WriteAsync(QunfaDbContext db, int customerId, int groupId, ImportMode mode, IEnumerable<Row> rows, DateTimeOffset now, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Contacts are written inside the import's transaction.");
        switch (connection)
        {
            case NpgsqlConnection npgsql:
                await db.Database.ExecuteSqlRawAsync("""CREATE TEMP TABLE "ContactImport" ("Phone" varchar(20) PRIMARY KEY, "Name" varchar(64), "Fields" text) ON COMMIT DROP""", ct);
                await CopyAsync(npgsql, rows, ct);
                await db.Database.ExecuteSqlRawAsync("""ANALYZE "ContactImport" """, ct);
                await UpsertAsync(db, customerId, groupId, mode, now.ToUniversalTime(), "\"ContactImport\"", MergePostgres, ct);
                break;
            case SqliteConnection sqlite:
                await db.Database.ExecuteSqlRawAsync("""CREATE TEMP TABLE IF NOT EXISTS "ContactImport" ("Phone" TEXT PRIMARY KEY, "Name" TEXT, "Fields" TEXT)""", ct);
                await db.Database.ExecuteSqlRawAsync("""DELETE FROM temp."ContactImport" """, ct);
                await InsertAsync(sqlite, transaction, rows, ct);
                await UpsertAsync(db, customerId, groupId, mode, SqliteTime.ConvertToProvider(now.ToUniversalTime())!, "temp.\"ContactImport\"", MergeSqlite, ct);
                await db.Database.ExecuteSqlRawAsync("""DROP TABLE temp."ContactImport" """, ct);
                break;
            default:
                throw new NotSupportedException(connection.GetType().Name);
        }
    }

    private const string MergePostgres = """("Contacts"."Fields"::jsonb || EXCLUDED."Fields"::jsonb)::text""";
    private const string MergeSqlite = """json_patch("Contacts"."Fields", EXCLUDED."Fields")""";

    private static async Task UpsertAsync(QunfaDbContext db, int customerId, int groupId, ImportMode mode, object now, string staging, string merge, CancellationToken ct)
    {
        var update = mode == ImportMode.Replace
            ? """ "Name" = EXCLUDED."Name", "Fields" = EXCLUDED."Fields" """
            : $"""
               "Name" = COALESCE(EXCLUDED."Name", "Contacts"."Name"),
               "Fields" = CASE WHEN EXCLUDED."Fields" IS NULL THEN "Contacts"."Fields" WHEN "Contacts"."Fields" IS NULL THEN EXCLUDED."Fields" ELSE {merge} END
               """;
        // WHERE true: SQLite reads ON CONFLICT after a bare SELECT … FROM as part of a join. Only constants are
        // spliced in (the staging table's name and the update clause); the values are parameters.
        var contacts = "INSERT INTO \"Contacts\" (\"CustomerId\", \"Phone\", \"Name\", \"Fields\", \"CreatedAt\") "
            + "SELECT {0}, i.\"Phone\", i.\"Name\", i.\"Fields\", {1} FROM " + staging + " i WHERE true "
            + "ON CONFLICT (\"CustomerId\", \"Phone\") DO UPDATE SET " + update;
        await db.Database.ExecuteSqlRawAsync(contacts, [customerId, now], ct);
        var members = "INSERT INTO \"ContactGroupMembers\" (\"GroupId\", \"ContactId\") "
            + "SELECT {0}, c.\"Id\" FROM " + staging + " i JOIN \"Contacts\" c ON c.\"CustomerId\" = {1} AND c.\"Phone\" = i.\"Phone\" WHERE true "
            + "ON CONFLICT DO NOTHING";
        await db.Database.ExecuteSqlRawAsync(members, [groupId, customerId], ct);
    }

    private static async Task InsertAsync(SqliteConnection connection, DbTransaction transaction, IEnumerable<Row> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = """INSERT INTO temp."ContactImport" ("Phone", "Name", "Fields") VALUES ($phone, $name, $fields)""";
        var phone = command.Parameters.Add("$phone", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var fields = command.Parameters.Add("$fields", SqliteType.Text);
        command.Prepare();
        foreach (var row in rows)
        {
            phone.Value = row.Phone;
            name.Value = (object?)row.Name ?? DBNull.Value;
            fields.Value = (object?)row.Fields ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<Row> rows, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync("""COPY "ContactImport" ("Phone", "Name", "Fields") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(row.Phone, NpgsqlDbType.Varchar, ct);
            if (row.Name is null) await importer.WriteNullAsync(ct);
            else await importer.WriteAsync(row.Name, NpgsqlDbType.Varchar, ct);
            if (row.Fields is null) await importer.WriteNullAsync(ct);
            else await importer.WriteAsync(row.Fields, NpgsqlDbType.Text, ct);
        }
        await importer.CompleteAsync(ct);
    }
}
