namespace Qunfa.Web.Infrastructure.Settings;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section `Qunfa:Database`. The provider is always named; SQLite is the default for a single machine.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Qunfa:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>SQLite file name inside the data directory.</summary>
    public string SqliteFile { get; set; } = "qunfa.db";
}
