using System.Data.Common;
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

    /// <summary>The task of the earliest due recipient, or null when nothing is due.</summary>
    public static Task<long> NextDueTaskAsync(QunfaDbContext db, DateTimeOffset now, CancellationToken ct) =>
        db.SendRecords.AsNoTracking()
            .Where(r => r.Status == RecipientStatus.Queued && r.NextAttemptAt <= now)
            .OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id)
            .Select(r => r.TaskId).FirstOrDefaultAsync(ct);

    public static async Task<IReadOnlyList<Claimed>> ClaimAsync(
        QunfaDbContext db, long taskId, int size, string claimId, DateTimeOffset now, DateTimeOffset recoverAt, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var sql = $"""
            UPDATE "SendRecords" SET "Status" = @submitting, "ClaimId" = @claim, "ClaimedAt" = @now,
                "Attempts" = "Attempts" + 1, "NextAttemptAt" = @recover
            WHERE "Id" IN (
                SELECT "Id" FROM "SendRecords"{(postgres ? "" : " INDEXED BY \"IX_SendRecords_TaskId_Status_Id\"")}
                WHERE "TaskId" = @task AND "Status" = @queued AND "NextAttemptAt" <= @now
                ORDER BY "Id" LIMIT @size{(postgres ? " FOR UPDATE SKIP LOCKED" : "")})
            RETURNING "Id", "Phone", "Variables", "TaskId"
            """;
        return await RunClaimAsync(db, sql, claimId, now, recoverAt, size, ct, ("task", taskId));
    }

    private static async Task<IReadOnlyList<Claimed>> RunClaimAsync(
        QunfaDbContext db, string sql, string claimId, DateTimeOffset now, DateTimeOffset recoverAt, int size, CancellationToken ct,
        params (string Name, object Value)[] filters)
    {
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            Add(command, "submitting", nameof(RecipientStatus.Submitting));
            Add(command, "queued", nameof(RecipientStatus.Queued));
            Add(command, "claim", claimId);
            Add(command, "now", StoredTime.Of(postgres, now));
            Add(command, "recover", StoredTime.Of(postgres, recoverAt));
            Add(command, "size", size);
            foreach (var (name, value) in filters) Add(command, name, value);
            var claimed = new List<Claimed>(size);
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    claimed.Add(new Claimed(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3)));
            // RETURNING gives no order guarantee; the carrier call lists numbers in id order.
            claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
            return claimed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Claims up to <paramref name="size"/> due recipients of small tasks (fewer than <paramref name="smallerThan"/> numbers) with
    /// this template, among the <see cref="SmallTaskWindow"/> earliest due: single sends of many tasks go to the carrier in one
    /// call instead of one call each.
    /// </summary>
    public static async Task<IReadOnlyList<Claimed>> ClaimSmallTasksAsync(
        QunfaDbContext db, string templateCode, int smallerThan, int size, string claimId, DateTimeOffset now, DateTimeOffset recoverAt, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var sql = $"""
            UPDATE "SendRecords" SET "Status" = @submitting, "ClaimId" = @claim, "ClaimedAt" = @now,
                "Attempts" = "Attempts" + 1, "NextAttemptAt" = @recover
            WHERE "Id" IN (
                SELECT r."Id" FROM "SendRecords" r JOIN "SendTasks" t ON t."Id" = r."TaskId"
                WHERE r."Id" IN (
                        SELECT "Id" FROM "SendRecords"{(postgres ? "" : " INDEXED BY \"IX_SendRecords_Status_NextAttemptAt_Id\"")}
                        WHERE "Status" = @queued AND "NextAttemptAt" <= @now ORDER BY "NextAttemptAt", "Id" LIMIT @window)
                    AND r."Status" = @queued AND t."TemplateCode" = @code AND t."NumberCount" < @small
                ORDER BY r."Id" LIMIT @size{(postgres ? " FOR UPDATE OF r SKIP LOCKED" : "")})
            RETURNING "Id", "Phone", "Variables", "TaskId"
            """;
        return await RunClaimAsync(db, sql, claimId, now, recoverAt, size, ct, ("window", SmallTaskWindow), ("code", templateCode), ("small", smallerThan));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
