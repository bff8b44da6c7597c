using Microsoft.Data.Sqlite;
using Qunfa.Web.Infrastructure.Settings;

namespace Qunfa.Web.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file from a connection of its own, a few times a second.
/// Left to SQLite, the checkpoint runs inside the commit that takes the log past 1000 pages: that commit — most often
/// the group commit's, with every send of the batch waiting on it — also copies the pages and syncs the database file.
/// Off the commit path, single sends went from 3,808–3,834 to 4,333–4,872 a second (docs/benchmarks.md, api-single). A PASSIVE checkpoint
/// waits for no reader or writer; the connections keep a high automatic threshold (<see cref="SqliteConnectionPragmas"/>)
/// only so that the log stays bounded if this loop ever stops.
/// </summary>
public sealed class SqliteCheckpointer(StartupSettings settings, DatabaseReadiness readiness, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        SqliteConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!readiness.IsReady) continue;
                try
                {
                    if (connection is null)
                    {
                        connection = new SqliteConnection(settings.DatabaseConnectionString);
                        await connection.OpenAsync(stoppingToken);
                    }
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (SqliteException e)
                {
                    logger.LogWarning(e, "A checkpoint of the SQLite log failed; the next one tries again");
                    await connection!.DisposeAsync();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }
}
