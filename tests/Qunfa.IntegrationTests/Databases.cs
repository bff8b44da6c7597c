namespace Qunfa.IntegrationTests;

/// <summary>Every data test runs once per supported database.</summary>
public static class Databases
{
    public static TheoryData<DatabaseKind> All => new(DatabaseKind.Sqlite, DatabaseKind.Postgres);
}
