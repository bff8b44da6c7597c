using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Features.Sending;

namespace Qunfa.IntegrationTests;

/// <summary>
/// The plans PostgreSQL chooses for the engine's hot statements when its statistics are the misleading ones of a big task:
/// analysed while every record was queued, read when they are all submitted.
/// </summary>
public sealed class PostgresPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeliveringRecordsById_FindsThemByPrimaryKey_EvenWhenStatisticsCallSubmittedRare()
    {
        await using var s = await SendingScenario.StartAsync(DatabaseKind.Postgres, balance: 5000, new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" });
        var numbers = string.Join('\n', Enumerable.Range(0, 4000).Select(i => "139" + i.ToString("D8", CultureInfo.InvariantCulture)));
        Assert.NotNull((await SendingScenario.SendAsync(s, numbers)).Task);
        var plan = await s.App.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("""ANALYZE "SendRecords" """, Ct);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "SendRecords" SET "Status" = 'Submitted' """, Ct);
            var ids = await db.SendRecords.OrderBy(r => r.Id).Select(r => r.Id).Take(300).ToListAsync(Ct);
            var statement = RecordSettlement.DeliverPostgres
                .Replace("@p0", "now()", StringComparison.Ordinal)
                .Replace("@p1", $"'{{{string.Join(',', ids)}}}'::bigint[]", StringComparison.Ordinal);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            await using var explain = connection.CreateCommand();
            explain.Transaction = transaction;
            explain.CommandText = "EXPLAIN " + statement;
            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(Ct))
                while (await reader.ReadAsync(Ct)) lines.Add(reader.GetString(0));
            return string.Join("\n", lines);
        });
        Assert.Contains("PK_SendRecords", plan);
        Assert.DoesNotContain("IX_SendRecords_Status", plan);
    }
}
