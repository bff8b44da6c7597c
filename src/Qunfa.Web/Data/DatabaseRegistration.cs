using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qunfa.Web.Infrastructure.Cluster;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Settings;

namespace Qunfa.Web.Data;

public static class DatabaseRegistration
{
    /// <summary>Checks that decide /readyz; /healthz only says the process answers.</summary>
    public const string ReadinessTag = "ready";

    private static readonly SqliteConnectionPragmas Pragmas = new();

    public static IServiceCollection AddQunfaDatabase(this IServiceCollection services, StartupSettings settings)
    {
        // Pooled contexts: setting up a context's services for every request and every group-commit batch showed in the
        // API send profile; pooling added about 20 % to accepted sends (docs/benchmarks.md). No code keeps state on a context.
        switch (settings.Database.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<QunfaDbContext, PostgresQunfaDbContext>(o => o.UseNpgsql(WithAutoPrepare(settings.DatabaseConnectionString)));
                break;
            default:
                services.AddDbContextPool<QunfaDbContext, SqliteQunfaDbContext>(o => o.UseSqlite(settings.DatabaseConnectionString).AddInterceptors(Pragmas));
                services.AddHostedService<SqliteCheckpointer>();
                break;
        }
        services.AddSingleton<DatabaseReadiness>().AddSingleton<GroupCommit>();
        services.AddHealthChecks().AddCheck<DatabaseReadinessCheck>("database", tags: [ReadinessTag]);
        return services;
    }

    /// <summary>
    /// The same statements run thousands of times a second (a send's write, claims, receipts); prepared on the server
    /// once per connection, PostgreSQL stops parsing and planning each of them again. An operator's own setting wins.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers whether a keyword exists at all, not whether the string sets
        // it: asked that way, the default was never applied. The string's own keys are read with the plain builder.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(IsMaxAutoPrepare)) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 100 }.ConnectionString;
    }

    private static bool IsMaxAutoPrepare(string keyword) =>
        keyword.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Applies pending migrations and prepares the shared key ring before the host accepts requests; /readyz stays
    /// unready until then. On PostgreSQL nodes starting together take turns (an advisory lock held for the duration):
    /// the second finds the schema and the key ring made.
    /// </summary>
    public static async Task MigrateQunfaDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<StartupSettings>();
        await using var turn = settings.Database.Provider == DatabaseProvider.Postgres
            ? await StartupTurn.TakeAsync(settings.DatabaseConnectionString)
            : null;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
            if (db.Database.IsSqlite())
                // WAL lets readers go on while the dispatcher writes; it is a property of the file, set once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite()) await SqlitePlannerStatistics.WriteAsync(db, CancellationToken.None);
        }
        await SharedKeyRing.PrepareAsync(app.Services, CancellationToken.None);
        await Features.Setup.SetupCodeIssuer.PrepareAsync(app.Services, CancellationToken.None);
        app.Services.GetRequiredService<DatabaseReadiness>().MarkReady();
    }

    private sealed class StartupTurn(NpgsqlConnection connection) : IAsyncDisposable
    {
        private static readonly long Key = ClusterLock.KeyOf("start-up");

        public static async Task<StartupTurn> TakeAsync(string connectionString)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = Key } } };
            await take.ExecuteNonQueryAsync();
            return new StartupTurn(connection);
        }

        public async ValueTask DisposeAsync()
        {
            await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = Key } } })
                await release.ExecuteNonQueryAsync();
            await connection.DisposeAsync();
        }
    }
}
