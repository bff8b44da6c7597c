using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qunfa.Web.Data;

/// <summary>
/// Inserts one entity with a single command inside the caller's transaction and returns its generated key. The
/// statement is built once per entity type from the model — table, columns and each property's type mapping, so
/// value converters (enums as text, SQLite's binary times) apply exactly as in SaveChanges. For the group commit's
/// single-writer path, where SaveChanges' tracking and SQL generation cost several times the statement itself
/// (docs/benchmarks.md, api-single).
/// </summary>
public static class RowInsert
{
    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping);

    private sealed record Statement(string Sql, string ManyRows, Column[] Columns);

    private static readonly ConcurrentDictionary<(IModel, Type, bool), Statement> Statements = new();

    /// <summary>Writes <paramref name="entity"/> (untracked) and returns the key the database generated for it.</summary>
    public static async Task<long> InsertAsync<T>(QunfaDbContext db, T entity, CancellationToken ct) where T : class
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("RowInsert writes inside the caller's transaction.");
        var (sql, _, values) = Row(db, entity, withKey: false);
        var id = await PreparedCommands.ScalarAsync(db, sql, ct, values);
        return Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The insert of <paramref name="entity"/> with its key as given, and the statement that inserts many such rows from
    /// one array per column (<see cref="WriteBatch.AddRowAsync"/>; PostgreSQL).
    /// </summary>
    public static (string OneRow, string ManyRows, object?[] Values) WithKey<T>(QunfaDbContext db, T entity) where T : class => Row(db, entity, withKey: true);

    /// <summary>The insert of <paramref name="entity"/> (with its key as given, or returning the generated one) and its values.</summary>
    private static (string OneRow, string ManyRows, object?[] Values) Row<T>(QunfaDbContext db, T entity, bool withKey) where T : class
    {
        var statement = Statements.GetOrAdd((db.Model, typeof(T), withKey), key => Build(db, key.Item2, key.Item3));
        var values = new object?[statement.Columns.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var column = statement.Columns[i];
            var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(entity);
            values[i] = value is null ? null : column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
        return (statement.Sql, statement.ManyRows, values);
    }

    /// <summary>
    /// INSERT … SELECT FROM unnest(@p0::type[], …): each array cast to its column's type without a length, so that a
    /// value too long for the column fails the insert as in a one-row statement instead of being cut by the cast.
    /// </summary>
    public static string ManyRows(string table, IReadOnlyList<(string Column, string StoreType)> columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Column))}) SELECT * FROM unnest("
        + string.Join(", ", columns.Select((c, i) => $"@p{i}::{WithoutLength(c.StoreType)}[]")) + ")";

    private static string WithoutLength(string storeType) => storeType.IndexOf('(') is var open and > 0 ? storeType[..open].TrimEnd() : storeType;

    private static Statement Build(QunfaDbContext db, Type type, bool withKey)
    {
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        if (entityType.GetProperties().FirstOrDefault(p => p.IsShadowProperty() || p.GetDefaultValueSql() is not null) is { } unsupported)
            throw new NotSupportedException($"RowInsert writes every property from the entity; {type.Name}.{unsupported.Name} has no value there.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties()
            .Where(p => withKey || p != key)
            .Select(p => new Column(p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToArray();
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})"
            + (withKey ? "" : $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}");
        var manyRows = ManyRows(sql.DelimitIdentifier(table.Name, table.Schema),
            columns.Select(c => (sql.DelimitIdentifier(c.Property.GetColumnName(table)!), c.Mapping.StoreType)).ToArray());
        return new Statement(text, manyRows, columns);
    }
}
