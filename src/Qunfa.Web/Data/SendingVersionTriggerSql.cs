namespace Qunfa.Web.Data;

/// <summary>
/// The triggers that raise <c>Customers.SendingVersion</c> whenever something a send is checked against changes:
/// the customer's freeze, its signatures, templates, API keys and members (whose keys die with them). Triggers rather than application code, so that no
/// writer — a page, a review-status sync, a raw statement, another node — can change one and leave a cache trusting it.
/// </summary>
public static class SendingVersionTriggerSql
{
    /// <summary>Per table, the columns whose change matters to a send (besides inserts and deletes).</summary>
    private static readonly (string Table, string Columns)[] Watched =
    [
        ("Signatures", "\"CustomerId\", \"Name\", \"Type\", \"Status\""),
        ("Templates", "\"CustomerId\", \"Name\", \"Type\", \"Status\", \"TemplateCode\", \"Content\""),
        ("ApiKeys", "\"CustomerId\", \"AccessKeyId\", \"ProtectedSecret\", \"RevokedAt\", \"MemberId\""),
        ("CustomerMembers", "\"CustomerId\", \"Status\""),
    ];

    private const string Bump = "UPDATE \"Customers\" SET \"SendingVersion\" = \"SendingVersion\" + 1 WHERE \"Id\"";

    public static IEnumerable<string> CreateSqlite()
    {
        foreach (var (table, columns) in Watched)
        {
            yield return $"CREATE TRIGGER \"{table}_SendingVersion_Insert\" AFTER INSERT ON \"{table}\" BEGIN {Bump} = NEW.\"CustomerId\"; END;";
            yield return $"CREATE TRIGGER \"{table}_SendingVersion_Delete\" AFTER DELETE ON \"{table}\" BEGIN {Bump} = OLD.\"CustomerId\"; END;";
            yield return $"CREATE TRIGGER \"{table}_SendingVersion_Update\" AFTER UPDATE OF {columns} ON \"{table}\" BEGIN {Bump} IN (OLD.\"CustomerId\", NEW.\"CustomerId\"); END;";
        }
        yield return $"CREATE TRIGGER \"Customers_SendingVersion_Freeze\" AFTER UPDATE OF \"IsFrozen\" ON \"Customers\" BEGIN {Bump} = NEW.\"Id\"; END;";
    }

    public static IEnumerable<string> DropSqlite()
    {
        foreach (var (table, _) in Watched)
            foreach (var op in new[] { "Insert", "Delete", "Update" })
                yield return $"DROP TRIGGER IF EXISTS \"{table}_SendingVersion_{op}\";";
        yield return "DROP TRIGGER IF EXISTS \"Customers_SendingVersion_Freeze\";";
    }

    public static IEnumerable<string> CreatePostgres()
    {
        yield return $"""
            CREATE FUNCTION qunfa_raise_sending_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN {Bump} = OLD."CustomerId"; END IF;
                IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."CustomerId" IS DISTINCT FROM OLD."CustomerId") THEN {Bump} = NEW."CustomerId"; END IF;
                RETURN NULL;
            END $$;
            """;
        yield return """
            CREATE FUNCTION qunfa_raise_sending_version_on_freeze() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW."SendingVersion" := OLD."SendingVersion" + 1;
                RETURN NEW;
            END $$;
            """;
        foreach (var (table, columns) in Watched)
            yield return $"CREATE TRIGGER \"{table}_SendingVersion\" AFTER INSERT OR DELETE OR UPDATE OF {columns} ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION qunfa_raise_sending_version();";
        yield return "CREATE TRIGGER \"Customers_SendingVersion_Freeze\" BEFORE UPDATE OF \"IsFrozen\" ON \"Customers\" FOR EACH ROW EXECUTE FUNCTION qunfa_raise_sending_version_on_freeze();";
    }

    public static IEnumerable<string> DropPostgres()
    {
        foreach (var (table, _) in Watched)
            yield return $"DROP TRIGGER IF EXISTS \"{table}_SendingVersion\" ON \"{table}\";";
        yield return "DROP TRIGGER IF EXISTS \"Customers_SendingVersion_Freeze\" ON \"Customers\";";
        yield return "DROP FUNCTION IF EXISTS qunfa_raise_sending_version();";
        yield return "DROP FUNCTION IF EXISTS qunfa_raise_sending_version_on_freeze();";
    }
}
