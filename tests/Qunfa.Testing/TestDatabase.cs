using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Qunfa.Testing;

/// <summary>A database of a test's own: a SQLite file in a fresh data directory, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseKind kind, string dataDirectory, string? adminConnectionString, string? databaseName)
    {
        Kind = kind;
        DataDirectory = dataDirectory;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public DatabaseKind Kind { get; }
    public string DataDirectory { get; }

    public IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string>
            {
                ["Qunfa:DataDirectory"] = DataDirectory,
                ["Qunfa:Database:Provider"] = Kind.ToString(),
            };
            if (Kind == DatabaseKind.Postgres)
                settings["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _databaseName }.ToString();
            return settings;
        }
    }

    /// <summary>A context on this database outside any host, to look at it while no host runs.</summary>
    public Qunfa.Web.Data.QunfaDbContext OpenContext() => Kind == DatabaseKind.Postgres
        ? new Qunfa.Web.Data.PostgresQunfaDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Qunfa.Web.Data.PostgresQunfaDbContext>()
            .UseNpgsql(Settings["ConnectionStrings:Postgres"]).Options)
        : new Qunfa.Web.Data.SqliteQunfaDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Qunfa.Web.Data.SqliteQunfaDbContext>()
            .UseSqlite($"Data Source={Path.Combine(DataDirectory, "qunfa.db")};Pooling=False").Options);

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "qunfa-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        if (kind == DatabaseKind.Sqlite)
            return new TestDatabase(kind, dataDirectory, null, null);

        var admin = Requirements.Postgres();
        var name = "qunfa_t_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(kind, dataDirectory, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Kind == DatabaseKind.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* a file still open on a slow shutdown; the temp folder is cleaned by the OS */ }
    }
}
