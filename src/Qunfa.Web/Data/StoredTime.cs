using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Qunfa.Web.Data;

/// <summary>A time as each provider's column stores a DateTimeOffset, for the engine's raw statements: PostgreSQL a UTC
/// timestamptz, SQLite the binary ticks of the UTC value (as the SQLite context's converter writes it).</summary>
public static class StoredTime
{
    // One instance: a converter compiles its expression when built, and that code is collected by a finalizer.
    private static readonly ValueConverter<DateTimeOffset, long> Sqlite = new DateTimeOffsetToBinaryConverter();

    public static object Of(bool postgres, DateTimeOffset value) =>
        postgres ? value.ToUniversalTime() : Sqlite.ConvertToProvider(value.ToUniversalTime())!;

    public static object Of(QunfaDbContext db, DateTimeOffset value) => Of(db.Database.IsNpgsql(), value);
}
