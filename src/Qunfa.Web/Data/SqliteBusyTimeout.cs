using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qunfa.Web.Data;

/// <summary>
/// Lets SQLite itself wait for a busy database on every connection. Without it Microsoft.Data.Sqlite answers
/// each SQLITE_BUSY by sleeping 150 ms before retrying, so a writer that meets another one loses a whole
/// 150 ms even when the lock is free again a millisecond later; SQLite's own handler retries within 1–2 ms.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
