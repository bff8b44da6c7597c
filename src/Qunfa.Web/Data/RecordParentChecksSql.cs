namespace Qunfa.Web.Data;

/// <summary>
/// On PostgreSQL a record's task and grant are checked once per statement instead of once per row. A foreign key checks
/// each inserted row with a query of its own: inserting a million-number task ran two million of them, 11 of its 18 s
/// (docs/benchmarks.md, issue #14). These triggers keep what the two foreign keys promised — an inserted record's task
/// and grant exist and stay until it commits (KEY SHARE, as the keys lock them), deleting a task deletes its records,
/// a grant with records cannot be deleted, the keys never change — with one check per statement over its distinct
/// parents. The model keeps both foreign keys, so SQLite, whose checks are in-process lookups, keeps them as they are.
/// </summary>
public static class RecordParentChecksSql
{
    private static readonly (string Column, string Table, string Constraint, string OnDelete)[] Parents =
    [
        ("TaskId", "SendTasks", "FK_SendRecords_SendTasks_TaskId", "CASCADE"),
        ("GrantId", "PackageGrants", "FK_SendRecords_PackageGrants_GrantId", "RESTRICT"),
    ];

    public static IEnumerable<string> CreatePostgres()
    {
        foreach (var parent in Parents) yield return $"""ALTER TABLE "SendRecords" DROP CONSTRAINT "{parent.Constraint}";""";
        yield return $$"""
            CREATE FUNCTION qunfa_send_records_parents_exist() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE wanted bigint; present bigint;
            BEGIN
            {{string.Concat(Parents.Select(p => $$"""
                SELECT count(DISTINCT "{{p.Column}}") INTO wanted FROM inserted;
                SELECT count(*) INTO present FROM (SELECT 1 FROM "{{p.Table}}" WHERE "Id" IN (SELECT "{{p.Column}}" FROM inserted) FOR KEY SHARE) p;
                IF present <> wanted THEN
                    RAISE foreign_key_violation USING MESSAGE = 'insert or update on table "SendRecords" violates foreign key constraint "{{p.Constraint}}"',
                        TABLE = 'SendRecords', CONSTRAINT = '{{p.Constraint}}';
                END IF;

            """))}}
                RETURN NULL;
            END $$;
            """;
        yield return """
            CREATE TRIGGER "SendRecords_ParentsExist" AFTER INSERT ON "SendRecords"
            REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION qunfa_send_records_parents_exist();
            """;
        yield return """
            CREATE FUNCTION qunfa_parent_keys_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE foreign_key_violation USING MESSAGE = format('%s of table "%s" cannot change: records refer to it', TG_ARGV[0], TG_TABLE_NAME);
            END $$;
            """;
        yield return """
            CREATE TRIGGER "SendRecords_ParentKeysUnchanged" BEFORE UPDATE OF "TaskId", "GrantId" ON "SendRecords" FOR EACH ROW
            WHEN (NEW."TaskId" IS DISTINCT FROM OLD."TaskId" OR NEW."GrantId" IS DISTINCT FROM OLD."GrantId")
            EXECUTE FUNCTION qunfa_parent_keys_unchanged('TaskId or GrantId');
            """;
        foreach (var parent in Parents)
            yield return $"""
                CREATE TRIGGER "{parent.Table}_IdUnchanged" BEFORE UPDATE OF "Id" ON "{parent.Table}" FOR EACH ROW
                WHEN (NEW."Id" IS DISTINCT FROM OLD."Id") EXECUTE FUNCTION qunfa_parent_keys_unchanged('Id');
                """;
        yield return """
            CREATE FUNCTION qunfa_send_tasks_delete_records() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                DELETE FROM "SendRecords" WHERE "TaskId" IN (SELECT "Id" FROM deleted);
                RETURN NULL;
            END $$;
            """;
        yield return """
            CREATE TRIGGER "SendTasks_DeleteRecords" AFTER DELETE ON "SendTasks"
            REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION qunfa_send_tasks_delete_records();
            """;
        yield return """
            CREATE FUNCTION qunfa_package_grants_keep_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM "SendRecords" WHERE "GrantId" IN (SELECT "Id" FROM deleted)) THEN
                    RAISE foreign_key_violation USING MESSAGE = 'update or delete on table "PackageGrants" violates foreign key constraint "FK_SendRecords_PackageGrants_GrantId" on table "SendRecords"',
                        TABLE = 'PackageGrants', CONSTRAINT = 'FK_SendRecords_PackageGrants_GrantId';
                END IF;
                RETURN NULL;
            END $$;
            """;
        yield return """
            CREATE TRIGGER "PackageGrants_KeepRecorded" AFTER DELETE ON "PackageGrants"
            REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION qunfa_package_grants_keep_recorded();
            """;
    }

    public static IEnumerable<string> DropPostgres()
    {
        yield return """DROP TRIGGER IF EXISTS "PackageGrants_KeepRecorded" ON "PackageGrants";""";
        yield return """DROP TRIGGER IF EXISTS "SendTasks_DeleteRecords" ON "SendTasks";""";
        foreach (var parent in Parents) yield return $"""DROP TRIGGER IF EXISTS "{parent.Table}_IdUnchanged" ON "{parent.Table}";""";
        yield return """DROP TRIGGER IF EXISTS "SendRecords_ParentKeysUnchanged" ON "SendRecords";""";
        yield return """DROP TRIGGER IF EXISTS "SendRecords_ParentsExist" ON "SendRecords";""";
        yield return "DROP FUNCTION IF EXISTS qunfa_package_grants_keep_recorded();";
        yield return "DROP FUNCTION IF EXISTS qunfa_send_tasks_delete_records();";
        yield return "DROP FUNCTION IF EXISTS qunfa_parent_keys_unchanged();";
        yield return "DROP FUNCTION IF EXISTS qunfa_send_records_parents_exist();";
        foreach (var parent in Parents)
            yield return $"""
                ALTER TABLE "SendRecords" ADD CONSTRAINT "{parent.Constraint}" FOREIGN KEY ("{parent.Column}") REFERENCES "{parent.Table}" ("Id") ON DELETE {parent.OnDelete};
                """;
    }
}
