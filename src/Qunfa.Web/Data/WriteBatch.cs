using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Qunfa.Web.Data;

/// <summary>
/// The statements of one write inside the caller's transaction: on PostgreSQL held and sent as one <see cref="NpgsqlBatch"/>
/// by <see cref="FlushAsync"/> — one round trip instead of one per statement, which bounds a single writer there — and
/// on SQLite run as they are added, where a statement is a call inside the process. A statement may say how many rows
/// it must affect and what to throw otherwise; on PostgreSQL that is known after the batch, so the later statements
/// have run too — the caller rolls the whole transaction (or its savepoint) back either way.
/// </summary>
public sealed class WriteBatch(QunfaDbContext db)
{
    private sealed record Held(string Sql, object?[] Values, int? Expected, Func<CancellationToken, Task<Exception>>? Otherwise);

    private readonly List<Held> _held = [];

    public bool IsHeld { get; } = db.Database.IsNpgsql();

    /// <param name="expect">The rows the statement must affect, or null for any.</param>
    /// <param name="otherwise">The exception thrown when it affects another number of rows.</param>
    public async Task AddAsync(string sql, object?[] values, CancellationToken ct, int? expect = null, Func<CancellationToken, Task<Exception>>? otherwise = null)
    {
        if (IsHeld)
        {
            _held.Add(new Held(sql, values, expect, otherwise));
            return;
        }
        var affected = await PreparedCommands.ExecuteAsync(db, sql, ct, values);
        if (expect is { } expected && affected != expected) throw await otherwise!(ct);
    }

    /// <summary>Sends what is held; then checks each statement's expected row count in order.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_held.Count == 0) return;
        var held = _held.ToArray();
        _held.Clear();
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        foreach (var statement in held)
        {
            var command = new NpgsqlBatchCommand(statement.Sql);
            for (var i = 0; i < statement.Values.Length; i++) command.Parameters.Add(new NpgsqlParameter("p" + i, statement.Values[i] ?? DBNull.Value));
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
        for (var i = 0; i < held.Length; i++)
            if (held[i].Expected is { } expected && batch.BatchCommands[i].RecordsAffected != expected)
                throw await held[i].Otherwise!(ct);
    }
}
