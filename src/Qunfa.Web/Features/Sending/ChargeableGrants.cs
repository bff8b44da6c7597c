using System.Data;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.Web.Features.Sending;

/// <summary>
/// A customer's grants as the charge needs them (id, category, size, used, expiry, status), read with the writer's
/// prepared statement rather than an EF query per send. On PostgreSQL they are locked as they are read: the charge
/// locks them anyway until commit, and a big send that read them unlocked lost every retry to a stream of single
/// sends charging in between.
/// </summary>
public static class ChargeableGrants
{
    private const string Columns = """SELECT "Id", "Category", "Size", "Used", "ExpiresOn", "Status" FROM "PackageGrants" WHERE "CustomerId" = @p0""";
    private const string Sqlite = Columns;
    private const string Postgres = Columns + """ ORDER BY "Id" FOR UPDATE""";

    public static async Task<List<PackageGrant>> ReadAsync(QunfaDbContext db, int customerId, CancellationToken ct)
    {
        var command = PreparedCommands.Bind(db, db.Database.IsNpgsql() ? Postgres : Sqlite, customerId);
        var grants = new List<PackageGrant>();
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.Default, ct);
        while (await reader.ReadAsync(ct))
            grants.Add(new PackageGrant
            {
                Id = reader.GetInt32(0),
                CustomerId = customerId,
                Category = Enum.Parse<SmsCategory>(reader.GetString(1)),
                Size = reader.GetInt32(2),
                Used = reader.GetInt32(3),
                ExpiresOn = reader.GetFieldValue<DateOnly>(4),
                Status = Enum.Parse<GrantStatus>(reader.GetString(5)),
            });
        return grants;
    }
}
