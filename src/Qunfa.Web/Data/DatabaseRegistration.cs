using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Infrastructure.Settings;

namespace Qunfa.Web.Data;

public static class DatabaseRegistration
{
    private static readonly SqliteConnectionPragmas Pragmas = new();

    public static IServiceCollection AddQunfaDatabase(this IServiceCollection services, StartupSettings settings)
    {
        switch (settings.Database.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<QunfaDbContext, PostgresQunfaDbContext>(o => o.UseNpgsql(settings.DatabaseConnectionString));
                break;
            default:
                services.AddDbContext<QunfaDbContext, SqliteQunfaDbContext>(o => o.UseSqlite(settings.DatabaseConnectionString).AddInterceptors(Pragmas));
                break;
        }
        services.AddSingleton<DatabaseReadiness>().AddSingleton<GroupCommit>();
        services.AddHealthChecks().AddCheck<DatabaseReadinessCheck>("database");
        return services;
    }

    /// <summary>Applies pending migrations before the host accepts requests; /healthz stays unready until then.</summary>
    public static async Task MigrateQunfaDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        if (db.Database.IsSqlite())
            // WAL lets readers go on while the dispatcher writes; it is a property of the file, set once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
        app.Services.GetRequiredService<DatabaseReadiness>().MarkReady();
    }
}
