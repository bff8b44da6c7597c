using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Qunfa.Web.Data;

/// <summary>
/// Statements kept by their text for one open period of a connection, released when it closes: a pooled connection
/// may come back with another handle, and a statement compiled on the old one must never run again.
/// </summary>
internal sealed class OpenConnectionCache<T>(Action<T> release)
{
    private readonly ConditionalWeakTable<DbConnection, Dictionary<string, T>> _cache = new();

    public Dictionary<string, T> For(DbConnection connection)
    {
        if (!_cache.TryGetValue(connection, out var statements))
        {
            statements = new Dictionary<string, T>(StringComparer.Ordinal);
            _cache.Add(connection, statements);
            connection.StateChange += Forget;
        }
        return statements;
    }

    private void Forget(object? sender, StateChangeEventArgs e)
    {
        if (e.CurrentState == ConnectionState.Open || sender is not DbConnection connection) return;
        connection.StateChange -= Forget;
        if (!_cache.TryGetValue(connection, out var statements)) return;
        _cache.Remove(connection);
        foreach (var statement in statements.Values) release(statement);
    }
}
