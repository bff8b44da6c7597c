using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qunfa.Web.Data;

/// <summary>
/// Settings SQLite keeps per connection, applied once to each pooled database handle, the first time it opens.
/// busy_timeout: SQLite itself waits for a busy database. Without it Microsoft.Data.Sqlite answers each
/// SQLITE_BUSY by sleeping 150 ms before retrying, so a writer that meets another loses 150 ms even when the
/// lock is free again a millisecond later; SQLite's own handler retries within 1–2 ms.
/// cache_size: the default 2 MB of pages is far smaller than the indexes a task of a million numbers touches;
/// the writer then spills dirty pages to the WAL mid-transaction and reads them back. Pages are allocated only
/// as they are used, so readers that touch little keep little.
/// wal_autocheckpoint: the log is copied back by <see cref="SqliteCheckpointer"/>, not inside a commit; the threshold
/// (10,000 pages, 40 MB) is only the bound should that loop stop.
/// A pooled handle keeps both across Close and Open; running them on every Open parsed two statements for each
/// query of a request (docs/benchmarks.md, api-single).
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 10000;";

    private static readonly object Applied = new();
    private readonly ConditionalWeakTable<object, object> _applied = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection, out var handle)) return;
        using var command = Command(connection);
        command.ExecuteNonQuery();
        _applied.AddOrUpdate(handle, Applied);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection, out var handle)) return;
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        _applied.AddOrUpdate(handle, Applied);
    }

    private bool FirstOpen(DbConnection connection, out object handle)
    {
        handle = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        return !_applied.TryGetValue(handle, out _);
    }

    private static DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        return command;
    }
}
