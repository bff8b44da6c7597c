using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Qunfa.Web.Data;

/// <summary>
/// The hot statements on SQLite run on SQLite's own statement handle, bound by position. Microsoft.Data.Sqlite binds
/// every parameter by name on every execution — the name converted to UTF-8 and looked up among all the statement's
/// variables — which made a task's 20-column insert cost 31 µs of the single writer's time, more than SQLite's work.
/// Only inside a transaction, which on SQLite holds the write lock (BEGIN IMMEDIATE), so that a statement never meets
/// a busy database that Microsoft.Data.Sqlite would have waited out; and only for values whose binding is plain
/// (integers, booleans, reals, text, bytes, dates, null) — anything else goes through Microsoft.Data.Sqlite as before.
/// </summary>
internal static class SqliteStatements
{
    /// <summary>A prepared statement and the SQLite index of each value (@p0, @p1, …): SQLite numbers them in order of first use.</summary>
    private sealed record Statement(sqlite3_stmt Handle, int[] Indexes);

    // A null statement: text of more than one statement, or with other parameters than @p0…, which stays with Microsoft.Data.Sqlite.
    private static readonly OpenConnectionCache<Statement?> Cache = new(statement => statement?.Handle.Dispose());

    public static bool TryExecute(QunfaDbContext db, string sql, ReadOnlySpan<object?> values, out int affected)
    {
        affected = 0;
        if (Prepared(db, sql, values) is not { } run) return false;
        var (handle, statement) = run;
        try
        {
            var rc = raw.sqlite3_step(statement);
            while (rc == raw.SQLITE_ROW) rc = raw.sqlite3_step(statement);
            Check(handle, rc);
            affected = raw.sqlite3_stmt_readonly(statement) != 0 ? -1 : raw.sqlite3_changes(handle);
            return true;
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>The first column of the first row, typed as Microsoft.Data.Sqlite's ExecuteScalar gives it.</summary>
    public static bool TryScalar(QunfaDbContext db, string sql, ReadOnlySpan<object?> values, out object? value)
    {
        value = null;
        if (Prepared(db, sql, values) is not { } run) return false;
        var (handle, statement) = run;
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_ROW)
            {
                value = raw.sqlite3_column_type(statement, 0) switch
                {
                    raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, 0),
                    raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, 0),
                    raw.SQLITE_TEXT => raw.sqlite3_column_text(statement, 0).utf8_to_string(),
                    raw.SQLITE_BLOB => raw.sqlite3_column_blob(statement, 0).ToArray(),
                    _ => DBNull.Value,
                };
                while (rc == raw.SQLITE_ROW) rc = raw.sqlite3_step(statement);
            }
            Check(handle, rc);
            return true;
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private static (sqlite3 Handle, sqlite3_stmt Statement)? Prepared(QunfaDbContext db, string sql, ReadOnlySpan<object?> values)
    {
        if (db.Database.CurrentTransaction is null || db.Database.GetDbConnection() is not SqliteConnection { State: System.Data.ConnectionState.Open } connection)
            return null;
        var statements = Cache.For(connection);
        var handle = connection.Handle!;
        if (!statements.TryGetValue(sql, out var statement))
            statements[sql] = statement = Prepare(handle, sql);
        if (statement is null || statement.Indexes.Length != values.Length) return null;
        // A value it does not bind sends the whole statement to Microsoft.Data.Sqlite; what was bound is bound again next time.
        for (var i = 0; i < values.Length; i++)
            if (Bind(statement.Handle, statement.Indexes[i], values[i]) is { } rc) Check(handle, rc);
            else return null;
        return (handle, statement.Handle);
    }

    /// <summary>The statement, or null for text of more than one statement or with parameters not named @p0…@pN.</summary>
    private static Statement? Prepare(sqlite3 handle, string sql)
    {
        Check(handle, raw.sqlite3_prepare_v3(handle, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement, out var tail));
        var indexes = new int[raw.sqlite3_bind_parameter_count(statement)];
        for (var i = 0; i < indexes.Length; i++) indexes[i] = raw.sqlite3_bind_parameter_index(statement, "@p" + i);
        if (string.IsNullOrWhiteSpace(tail) && !indexes.Contains(0)) return new Statement(statement, indexes);
        statement.Dispose();
        return null;
    }

    /// <summary>SQLite's result code, or null for a value bound only by Microsoft.Data.Sqlite.</summary>
    private static int? Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        long v => raw.sqlite3_bind_int64(statement, index, v),
        int v => raw.sqlite3_bind_int64(statement, index, v),
        short v => raw.sqlite3_bind_int64(statement, index, v),
        byte v => raw.sqlite3_bind_int64(statement, index, v),
        bool v => raw.sqlite3_bind_int64(statement, index, v ? 1 : 0),
        double v => raw.sqlite3_bind_double(statement, index, v),
        string v => raw.sqlite3_bind_text(statement, index, v),
        byte[] v => raw.sqlite3_bind_blob(statement, index, v),
        // As Microsoft.Data.Sqlite binds it, and as EF Core stores a DateOnly column on SQLite.
        DateOnly v => raw.sqlite3_bind_text(statement, index, v.ToString(@"yyyy\-MM\-dd", System.Globalization.CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(handle));
    }
}
