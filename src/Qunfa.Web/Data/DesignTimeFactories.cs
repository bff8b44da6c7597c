using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Qunfa.Web.Data;

/// <summary>Used only by `dotnet ef migrations add`; the running app configures contexts in DatabaseSetup.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteQunfaDbContext>
{
    public SqliteQunfaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteQunfaDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresQunfaDbContext>
{
    public PostgresQunfaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresQunfaDbContext>().UseNpgsql("Host=localhost;Database=qunfa_design").Options);
}
