using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.IntegrationTests;

/// <summary>The plans SQLite chooses for the engine's settling statements, with the statistics written at start-up.</summary>
public sealed partial class SqlitePlanTests
{
    [Fact]
    public async Task SettlingRecordsById_LooksThemUpByPrimaryKey_NotThroughTheStatusIndex()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        var ids = new List<long> { 1, 2, 3 };
        var plan = await app.WithDbAsync(async db =>
        {
            // The shape of RecordSettlement's and ReceiptFollowUp's statements: ids as one array parameter, and a status.
            var sql = db.SendRecords.Where(r => EF.Parameter(ids).Contains(r.Id) && r.Status == RecipientStatus.Submitted)
                .GroupBy(r => r.TaskId).Select(g => new { g.Key, Count = g.Count() }).ToQueryString();
            var statement = ParameterLine().Replace(sql, "").Replace("@ids", "'[1,2,3]'", StringComparison.Ordinal).Trim();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + statement;
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken)) lines.Add(reader.GetString(3));
            return string.Join("\n", lines);
        });
        Assert.Contains("USING INTEGER PRIMARY KEY", plan);
        Assert.DoesNotContain("IX_SendRecords_Status", plan);
    }

    [GeneratedRegex(@"^\.param .*$", RegexOptions.Multiline)]
    private static partial Regex ParameterLine();
}
