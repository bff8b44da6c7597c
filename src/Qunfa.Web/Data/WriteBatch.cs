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
    private sealed record Held(string Sql, object?[] Values, int? Expected, Func<CancellationToken, Task<Exception>>? Otherwise, List<object?[]>? Rows = null);

    private readonly List<Held> _held = [];
    private readonly Dictionary<string, List<object?[]>> _rows = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Adds one row of an insert. On PostgreSQL the rows added with the same <paramref name="manyRows"/> statement — an
    /// INSERT … SELECT FROM unnest(@p0::type[], …) with one array per column — go as that one statement, at the place of
    /// the first: the server starts one statement for the rows of a whole group-commit batch, not one per row. Elsewhere
    /// <paramref name="oneRow"/> runs at once with the row's values.
    /// </summary>
    public async Task AddRowAsync(string oneRow, string manyRows, object?[] values, CancellationToken ct)
    {
        if (!IsHeld)
        {
            await PreparedCommands.ExecuteAsync(db, oneRow, ct, values);
            return;
        }
        if (!_rows.TryGetValue(manyRows, out var rows))
        {
            _rows[manyRows] = rows = [];
            _held.Add(new Held(manyRows, [], null, null, rows));
        }
        rows.Add(values);
    }

    /// <summary>Sends what is held; then checks each statement's expected row count in order.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_held.Count == 0) return;
        var held = _held.ToArray();
        _held.Clear();
        _rows.Clear();
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        foreach (var statement in held)
        {
            var command = new NpgsqlBatchCommand(statement.Sql);
            if (statement.Rows is { } rows)
                for (var i = 0; i < rows[0].Length; i++) command.Parameters.Add(new NpgsqlParameter("p" + i, Column(rows, i)));
            else
                for (var i = 0; i < statement.Values.Length; i++) command.Parameters.Add(new NpgsqlParameter("p" + i, statement.Values[i] ?? DBNull.Value));
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
        for (var i = 0; i < held.Length; i++)
            if (held[i].Expected is { } expected && batch.BatchCommands[i].RecordsAffected != expected)
                throw await held[i].Otherwise!(ct);
    }

    /// <summary>
    /// A column of held rows as a typed array (long?[], string[], DateTimeOffset?[] …), the type taken from its first
    /// value; a column of nulls only goes as text[], which the statement's cast turns into the column's type.
    /// </summary>
    private static Array Column(List<object?[]> rows, int column)
    {
        var type = rows.Select(r => r[column]).FirstOrDefault(v => v is not null)?.GetType();
        if (type is null) return new string?[rows.Count];
        var array = Array.CreateInstance(type.IsValueType ? typeof(Nullable<>).MakeGenericType(type) : type, rows.Count);
        for (var i = 0; i < rows.Count; i++) array.SetValue(rows[i][column], i);
        return array;
    }
}
