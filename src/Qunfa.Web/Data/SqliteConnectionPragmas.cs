using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qunfa.Web.Data;

/// <summary>
/// Settings SQLite keeps per connection, applied to every connection as it opens.
/// busy_timeout: SQLite itself waits for a busy database. Without it Microsoft.Data.Sqlite answers each
/// SQLITE_BUSY by sleeping 150 ms before retrying, so a writer that meets another loses 150 ms even when the
/// lock is free again a millisecond later; SQLite's own handler retries within 1–2 ms.
/// cache_size: the default 2 MB of pages is far smaller than the indexes a task of a million numbers touches;
/// the writer then spills dirty pages to the WAL mid-transaction and reads them back. Pages are allocated only
/// as they are used, so readers that touch little keep little.
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA cache_size = -65536;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        return command;
    }
}
