using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qunfa.Web.Infrastructure.Settings;

/// <summary>
/// The settings the host needs before it can build anything, read and checked once at start-up so a
/// bad value stops the process with a message that names the setting.
/// </summary>
public sealed record StartupSettings(
    QunfaOptions Qunfa,
    DatabaseOptions Database,
    string DataDirectory,
    string UploadsDirectory,
    string DatabaseConnectionString,
    TimeZoneInfo TimeZone)
{
    public static StartupSettings Read(IConfiguration configuration, string contentRoot)
    {
        var errors = new List<string>();
        var qunfa = Bind<QunfaOptions>(configuration, QunfaOptions.Section, errors);
        var database = Bind<DatabaseOptions>(configuration, DatabaseOptions.Section, errors);

        var dataDirectory = "";
        if (string.IsNullOrWhiteSpace(qunfa.DataDirectory))
            errors.Add("Qunfa:DataDirectory must not be empty.");
        else
            dataDirectory = Path.GetFullPath(qunfa.DataDirectory, contentRoot);

        var uploadsDirectory = string.IsNullOrWhiteSpace(qunfa.UploadsDirectory)
            ? Path.Combine(dataDirectory, "uploads")
            : Path.GetFullPath(qunfa.UploadsDirectory, contentRoot);
        if (!qunfa.Workers.Enabled && !qunfa.Web.Enabled)
            errors.Add("Qunfa:Workers:Enabled and Qunfa:Web:Enabled are both false: the node would do nothing.");

        TimeZoneInfo? zone = null;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(qunfa.TimeZone ?? "", out zone))
            errors.Add($"Qunfa:TimeZone '{qunfa.TimeZone}' is not a known time zone id (for example Asia/Shanghai).");

        if (qunfa.AdminSessionMinutes is < 5 or > 24 * 60)
            errors.Add("Qunfa:AdminSessionMinutes must be between 5 and 1440.");
        if (qunfa.AdminLoginAttemptsPerMinutePerIp < 1)
            errors.Add("Qunfa:AdminLoginAttemptsPerMinutePerIp must be at least 1.");
        foreach (var proxy in qunfa.KnownProxies)
            if (!System.Net.IPAddress.TryParse(proxy, out _))
                errors.Add($"Qunfa:KnownProxies entry '{proxy}' is not an IP address.");

        var connectionString = "";
        if (database.Provider == DatabaseProvider.Postgres)
        {
            connectionString = configuration.GetConnectionString("Postgres") ?? "";
            if (string.IsNullOrWhiteSpace(connectionString))
                errors.Add("ConnectionStrings:Postgres is required when Qunfa:Database:Provider is Postgres.");
            else
            {
                try { _ = new NpgsqlConnectionStringBuilder(connectionString); }
                catch (ArgumentException e) { errors.Add($"ConnectionStrings:Postgres is not valid: {e.Message}"); }
            }
        }
        else if (dataDirectory.Length > 0)
        {
            if (string.IsNullOrWhiteSpace(database.SqliteFile) || database.SqliteFile.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                errors.Add("Qunfa:Database:SqliteFile must be a plain file name.");
            else
                connectionString = new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(dataDirectory, database.SqliteFile),
                    Pooling = true,
                }.ToString();
        }

        if (errors.Count > 0)
            throw new InvalidSettingsException(errors);
        return new StartupSettings(qunfa, database, dataDirectory, uploadsDirectory, connectionString, zone!);
    }

    private static T Bind<T>(IConfiguration configuration, string section, List<string> errors) where T : new()
    {
        var value = new T();
        try
        {
            configuration.GetSection(section).Bind(value);
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key and the value it could not convert, e.g. an unknown provider.
            errors.Add($"{section}: {e.Message}{(e.InnerException is null ? "" : " " + e.InnerException.Message)}");
        }
        return value;
    }
}

public sealed class InvalidSettingsException(IReadOnlyList<string> problems)
    : Exception("Qunfa cannot start, its settings are invalid:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
