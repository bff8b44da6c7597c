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
    // A send's write on PostgreSQL goes as one batch that needs its task's id before the insert (WriteBatch): the id
    // is taken from the sequence in the same round trip as the grants.
    private const string PostgresWithTaskId = """SELECT nextval(pg_get_serial_sequence('"SendTasks"', 'Id'));""" + Postgres;

    /// <param name="reserveTaskId">On PostgreSQL, also take the next task id from its sequence (null on SQLite).</param>
    public static async Task<(List<PackageGrant> Grants, long? TaskId)> ReadAsync(QunfaDbContext db, int customerId, bool reserveTaskId, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var reserve = reserveTaskId && postgres;
        var command = PreparedCommands.Bind(db, reserve ? PostgresWithTaskId : postgres ? Postgres : Sqlite, customerId);
        var grants = new List<PackageGrant>();
        long? taskId = null;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.Default, ct);
        if (reserve)
        {
            await reader.ReadAsync(ct);
            taskId = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
        }
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
        return (grants, taskId);
    }
}
