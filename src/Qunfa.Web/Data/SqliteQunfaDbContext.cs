using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Qunfa.Web.Data;

public sealed class SqliteQunfaDbContext(DbContextOptions<SqliteQunfaDbContext> options) : QunfaDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no offset-aware type; every time is stored UTC, so binary ticks order correctly in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
