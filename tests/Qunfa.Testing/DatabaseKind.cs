namespace Qunfa.Testing;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}
