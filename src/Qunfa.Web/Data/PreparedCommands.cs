using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qunfa.Web.Data;

/// <summary>
/// The hot statements of the group commit's single writer, each built once per connection and re-bound on every use:
/// a reused SQLite command keeps its compiled statement while the connection is open, where a new one parses the text
/// again on every execution. The writer keeps its connection open between batches (<see cref="GroupCommit"/>), so a
/// send's statements are neither parsed nor built per send; any other connection keeps them while it is open (a task's
/// recipient rows). Parameters are @p0, @p1 … in the order of the values given; values go in as the column stores them.
/// On SQLite, <see cref="ExecuteAsync"/> and <see cref="ScalarAsync"/> inside a transaction bind by position on SQLite's
/// own statement (<see cref="SqliteStatements"/>).
/// </summary>
public static class PreparedCommands
{
    private static readonly OpenConnectionCache<DbCommand> Cache = new(command => command.Dispose());

    /// <summary>The command for <paramref name="sql"/> bound to <paramref name="values"/>, in the context's current transaction.</summary>
    public static DbCommand Bind(QunfaDbContext db, string sql, params ReadOnlySpan<object?> values)
    {
        var connection = db.Database.GetDbConnection();
        var commands = Cache.For(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i;
                command.Parameters.Add(parameter);
            }
            commands[sql] = command;
        }
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    public static Task<int> ExecuteAsync(QunfaDbContext db, string sql, CancellationToken ct, params object?[] values) =>
        SqliteStatements.TryExecute(db, sql, values, out var affected)
            ? Task.FromResult(affected)
            : OnOpenConnectionAsync(db, () => Bind(db, sql, values).ExecuteNonQueryAsync(ct), ct);

    public static Task<object?> ScalarAsync(QunfaDbContext db, string sql, CancellationToken ct, params object?[] values) =>
        SqliteStatements.TryScalar(db, sql, values, out var value)
            ? Task.FromResult(value)
            : OnOpenConnectionAsync(db, () => Bind(db, sql, values).ExecuteScalarAsync(ct), ct);

    /// <summary>Runs <paramref name="work"/> on an open connection, opening (and closing) it only if the caller had not.</summary>
    private static async Task<T> OnOpenConnectionAsync<T>(QunfaDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}
