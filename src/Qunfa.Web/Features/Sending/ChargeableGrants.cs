using System.Data;
using System.Data.Common;
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
    // A send's write on PostgreSQL goes as one batch that needs its task's id before the insert (WriteBatch): task ids
    // are taken from the sequence in the same round trip as the grants, one for a send alone or one per unit of a batch.
    private const string NextTaskIds = """SELECT nextval(pg_get_serial_sequence('"SendTasks"', 'Id')) FROM generate_series(1, @p0)""";
    private const string PostgresWithTaskIds = """SELECT nextval(pg_get_serial_sequence('"SendTasks"', 'Id')) FROM generate_series(1, @p1);""" + Postgres;

    /// <summary>
    /// A group-commit batch's grants and, on PostgreSQL, task ids (<see cref="GroupCommit.Shared"/>): a customer's grants
    /// are read (and on PostgreSQL locked) by the first of its sends in the batch and kept for the next ones, which see
    /// the earlier charges because nothing else can change the grants before the commit (on SQLite the batch holds the
    /// database's write lock); task ids are taken from the sequence for the whole batch in the same round trip. A batch
    /// of one customer's sends reads once and charges each grant once.
    /// </summary>
    public sealed class Held
    {
        private readonly Dictionary<int, List<PackageGrant>> _grants = [];
        private readonly Queue<long> _taskIds = new();
        private readonly SortedDictionary<int, int> _charges = [];

        public async Task<(List<PackageGrant> Grants, long? TaskId)> ReadAsync(QunfaDbContext db, int customerId, int reserve, CancellationToken ct)
        {
            // On SQLite the batch holds the database's write lock from its start, and a task's id comes from its insert.
            var postgres = db.Database.IsNpgsql();
            var idsWanted = postgres && _taskIds.Count == 0 ? Math.Max(reserve, 1) : 0;
            if (!_grants.TryGetValue(customerId, out var grants))
                _grants[customerId] = grants = postgres
                    ? await ReadPostgresAsync(db, customerId, idsWanted, _taskIds, ct)
                    : await ReadSqliteAsync(db, customerId, ct);
            else if (idsWanted > 0)
            {
                await using var reader = await PreparedCommands.Bind(db, NextTaskIds, idsWanted).ExecuteReaderAsync(CommandBehavior.Default, ct);
                await ReadTaskIdsAsync(reader, _taskIds, ct);
            }
            return (grants, postgres ? _taskIds.Dequeue() : null);
        }

        /// <summary>
        /// Charges a grant for a send of the batch: the charges of all its sends go as one conditional update per grant
        /// after the last unit, instead of a new version of the grant's row per send; the next send sees it at once.
        /// </summary>
        public void Charge(GroupCommit.Shared shared, List<PackageGrant> grants, int grantId, int amount)
        {
            if (_charges.Count == 0) shared.BeforeFlush(AddChargesAsync);
            _charges[grantId] = _charges.GetValueOrDefault(grantId) + amount;
            foreach (var grant in grants)
                if (grant.Id == grantId) grant.Used += amount;
        }

        private async Task AddChargesAsync(WriteBatch write, CancellationToken ct)
        {
            foreach (var (grantId, amount) in _charges) await AddChargeAsync(write, grantId, amount, ct);
        }
    }

    /// <summary>Thrown when a grant no longer has the room the charge was planned on.</summary>
    public sealed class BalanceChangedException : Exception;

    private static readonly string Active = nameof(GrantStatus.Active);

    /// <summary>One conditional update: it succeeds only while the grant still has room.</summary>
    public static Task AddChargeAsync(WriteBatch write, int grantId, int amount, CancellationToken ct) =>
        write.AddAsync("""UPDATE "PackageGrants" SET "Used" = "Used" + @p0 WHERE "Id" = @p1 AND "Status" = @p2 AND "Used" + @p0 <= "Size" """,
            [amount, grantId, Active], ct, expect: 1, otherwise: _ => Task.FromResult<Exception>(new BalanceChangedException()));

    /// <param name="reserveTaskId">On PostgreSQL, also take the next task id from its sequence (null on SQLite).</param>
    public static async Task<(List<PackageGrant> Grants, long? TaskId)> ReadAsync(QunfaDbContext db, int customerId, bool reserveTaskId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var taskIds = new Queue<long>(1);
            var grants = await ReadPostgresAsync(db, customerId, reserveTaskId ? 1 : 0, taskIds, ct);
            return (grants, taskIds.Count > 0 ? taskIds.Dequeue() : null);
        }
        return (await ReadSqliteAsync(db, customerId, ct), null);
    }

    private static async Task<List<PackageGrant>> ReadSqliteAsync(QunfaDbContext db, int customerId, CancellationToken ct)
    {
        await using var reader = await PreparedCommands.Bind(db, Sqlite, customerId).ExecuteReaderAsync(CommandBehavior.Default, ct);
        return await ReadGrantsAsync(reader, customerId, ct);
    }

    /// <summary>The grants, locked, and <paramref name="ids"/> task ids from the sequence in the same round trip.</summary>
    private static async Task<List<PackageGrant>> ReadPostgresAsync(QunfaDbContext db, int customerId, int ids, Queue<long> taskIds, CancellationToken ct)
    {
        var command = ids > 0 ? PreparedCommands.Bind(db, PostgresWithTaskIds, customerId, ids) : PreparedCommands.Bind(db, Postgres, customerId);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.Default, ct);
        if (ids > 0)
        {
            await ReadTaskIdsAsync(reader, taskIds, ct);
            await reader.NextResultAsync(ct);
        }
        return await ReadGrantsAsync(reader, customerId, ct);
    }

    private static async Task ReadTaskIdsAsync(DbDataReader reader, Queue<long> into, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct)) into.Enqueue(reader.GetInt64(0));
    }

    private static async Task<List<PackageGrant>> ReadGrantsAsync(DbDataReader reader, int customerId, CancellationToken ct)
    {
        var grants = new List<PackageGrant>();
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
