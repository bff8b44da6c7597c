using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.Web.Features.Sending.Dispatch;

/// <summary>
/// Claims due recipients of one task in a single statement, so that no two dispatchers can hold the
/// same row: SQLite serialises writers; PostgreSQL skips rows another node has locked (SKIP LOCKED).
/// SQLite is told which index to walk: left to itself it may take the status index and sort a whole
/// task's queued rows on every claim.
/// </summary>
public static class ClaimStore
{
    public sealed record Claimed(long Id, string Phone, string? Variables, long TaskId);

    /// <summary>How many of the earliest due recipients a claim of small tasks looks at, so that it never walks a large task's queue.</summary>
    public const int SmallTaskWindow = 400;

    /// <summary>The task of the earliest due recipient, or 0 when nothing is due.</summary>
    public static async Task<long> NextDueTaskAsync(QunfaDbContext db, DateTimeOffset now, CancellationToken ct) =>
        await PreparedCommands.ScalarAsync(db, NextDue, ct, StoredTime.Of(db, now)) is long taskId ? taskId : 0;

    private const string NextDue = """
        SELECT "TaskId" FROM "SendRecords" WHERE "Status" = 'Queued' AND "NextAttemptAt" <= @p0 ORDER BY "NextAttemptAt", "Id" LIMIT 1
        """;

    public static Task<IReadOnlyList<Claimed>> ClaimAsync(
        QunfaDbContext db, long taskId, int size, string claimId, DateTimeOffset now, DateTimeOffset recoverAt, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        return RunClaimAsync(db, postgres ? TaskClaimPostgres : TaskClaimSqlite, claimId, now, recoverAt, size, ct, taskId);
    }

    // @p0 claim, @p1 now, @p2 recover at, @p3 size, @p4 'Queued', @p5 'Submitting' (parameters, as the statements had
    // before they were prepared, so that PostgreSQL plans them as it did), then the statement's own filters from @p6.
    private const string SetClaimed = """
        UPDATE "SendRecords" SET "Status" = @p5, "ClaimId" = @p0, "ClaimedAt" = @p1,
            "Attempts" = "Attempts" + 1, "NextAttemptAt" = @p2
        """;

    private static readonly string Queued = nameof(RecipientStatus.Queued), Submitting = nameof(RecipientStatus.Submitting);

    private const string Returning = """RETURNING "Id", "Phone", "Variables", "TaskId" """;

    private static string TaskClaim(bool postgres) => $"""
        {SetClaimed}
        WHERE "Id" IN (
            SELECT "Id" FROM "SendRecords"{(postgres ? "" : " INDEXED BY \"IX_SendRecords_TaskId_Status_Id\"")}
            WHERE "TaskId" = @p6 AND "Status" = @p4 AND "NextAttemptAt" <= @p1
            ORDER BY "Id" LIMIT @p3{(postgres ? " FOR UPDATE SKIP LOCKED" : "")})
        {Returning}
        """;

    private static readonly string TaskClaimSqlite = TaskClaim(postgres: false);
    private static readonly string TaskClaimPostgres = TaskClaim(postgres: true);

    private static async Task<IReadOnlyList<Claimed>> RunClaimAsync(
        QunfaDbContext db, string sql, string claimId, DateTimeOffset now, DateTimeOffset recoverAt, int size, CancellationToken ct,
        params object[] filters)
    {
        var postgres = db.Database.IsNpgsql();
        // Inside the claim's transaction, so the connection is open and the command stays prepared on it (PreparedCommands).
        var command = PreparedCommands.Bind(db, sql, [claimId, StoredTime.Of(postgres, now), StoredTime.Of(postgres, recoverAt), size, Queued, Submitting, .. filters]);
        var claimed = new List<Claimed>(size);
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                claimed.Add(new Claimed(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3)));
        // RETURNING gives no order guarantee; the carrier call lists numbers in id order.
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    /// <summary>
    /// Claims up to <paramref name="size"/> due recipients of small tasks (fewer than <paramref name="smallerThan"/> numbers) with
    /// this template, among the <see cref="SmallTaskWindow"/> earliest due: single sends of many tasks go to the carrier in one
    /// call instead of one call each.
    /// </summary>
    public static Task<IReadOnlyList<Claimed>> ClaimSmallTasksAsync(
        QunfaDbContext db, string templateCode, int smallerThan, int size, string claimId, DateTimeOffset now, DateTimeOffset recoverAt, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        return RunClaimAsync(db, postgres ? SmallClaimPostgres : SmallClaimSqlite, claimId, now, recoverAt, size, ct, SmallTaskWindow, templateCode, smallerThan);
    }

    private static string SmallClaim(bool postgres) => $"""
        {SetClaimed}
        WHERE "Id" IN (
            SELECT r."Id" FROM "SendRecords" r JOIN "SendTasks" t ON t."Id" = r."TaskId"
            WHERE r."Id" IN (
                    SELECT "Id" FROM "SendRecords"{(postgres ? "" : " INDEXED BY \"IX_SendRecords_Status_NextAttemptAt_Id\"")}
                    WHERE "Status" = @p4 AND "NextAttemptAt" <= @p1 ORDER BY "NextAttemptAt", "Id" LIMIT @p6)
                AND r."Status" = @p4 AND t."TemplateCode" = @p7 AND t."NumberCount" < @p8
            ORDER BY r."Id" LIMIT @p3{(postgres ? " FOR UPDATE OF r SKIP LOCKED" : "")})
        {Returning}
        """;

    private static readonly string SmallClaimSqlite = SmallClaim(postgres: false);
    private static readonly string SmallClaimPostgres = SmallClaim(postgres: true);
}
