using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending;

namespace Qunfa.IntegrationTests;

/// <summary>The plans SQLite chooses for the engine's hot statements, with the schema and statistics of start-up.</summary>
public sealed partial class SqlitePlanTests
{
    [Fact]
    public async Task SettlingRecordsById_LooksThemUpByPrimaryKey_NotThroughTheStatusIndex()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        var ids = new List<long> { 1, 2, 3 };
        // The shape of RecordSettlement's and ReceiptFollowUp's statements: ids as one array parameter, and a status.
        var plan = await app.WithDbAsync(db => ExplainAsync(db, db.SendRecords
            .Where(r => EF.Parameter(ids).Contains(r.Id) && r.Status == RecipientStatus.Submitted)
            .GroupBy(r => r.TaskId).Select(g => new { g.Key, Count = g.Count() })));
        Assert.Contains("USING INTEGER PRIMARY KEY", plan);
        Assert.DoesNotContain("IX_SendRecords_Status", plan);
    }

    [Fact]
    public async Task DeliveringRecordsById_UpdatesThemByPrimaryKey_NotThroughTheStatusIndex()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        var statement = RecordSettlement.DeliverSqlite.Replace("@p0", "0", StringComparison.Ordinal).Replace("@p1", "'[1,2,3]'", StringComparison.Ordinal);
        var plan = await app.WithDbAsync(db => ExplainSqlAsync(db, statement));
        Assert.Contains("USING INTEGER PRIMARY KEY", plan);
        Assert.DoesNotContain("IX_SendRecords_Status", plan);
    }

    [Fact]
    public async Task ClaimAndBizIdLookups_UseTheirPartialIndexes()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        var claimIds = new List<string> { "c1" };
        var bizIds = new List<string> { "b1" };
        var phones = new List<string> { "13800000000" };
        var byClaim = await app.WithDbAsync(db => ExplainAsync(db, db.SendRecords
            .Where(r => r.ClaimId == "c1" && r.Status == RecipientStatus.Submitting).Select(r => r.Id)));
        Assert.Contains("USING INDEX IX_SendRecords_ClaimId (ClaimId=?)", byClaim);
        var byClaims = await app.WithDbAsync(db => ExplainAsync(db, db.SendRecords
            .Where(r => EF.Parameter(claimIds).Contains(r.ClaimId!) && EF.Parameter(phones).Contains(r.Phone)).Select(r => r.Id)));
        Assert.Matches("USING (COVERING )?INDEX IX_SendRecords_(ClaimId|Phone_TaskId)", byClaims);
        var byBizId = await app.WithDbAsync(db => ExplainAsync(db, db.SendRecords
            .Where(r => EF.Parameter(bizIds).Contains(r.BizId!) && EF.Parameter(phones).Contains(r.Phone)).Select(r => r.Id)));
        Assert.Matches("USING (COVERING )?INDEX IX_SendRecords_(BizId_Phone|Phone_TaskId)", byBizId);
    }

    [Fact]
    public async Task WebhookOutbox_ReadsSettledRecordsThroughItsPartialIndex()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        var at = DateTimeOffset.UnixEpoch;
        var plan = await app.WithDbAsync(db => ExplainAsync(db, db.SendRecords
            .Where(r => r.CustomerId == 1 && r.ReportedAt != null && r.ReportedAt <= at && (r.ReportedAt > at || (r.ReportedAt == at && r.Id > 5)))
            .OrderBy(r => r.ReportedAt).ThenBy(r => r.Id).Select(r => r.Id).Take(100)));
        Assert.Contains("IX_SendRecords_CustomerId_ReportedAt_Id", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    /// <summary>EXPLAIN QUERY PLAN of the SQL EF Core generates for <paramref name="query"/>, array parameters inlined.</summary>
    private static async Task<string> ExplainAsync<T>(QunfaDbContext db, IQueryable<T> query)
    {
        var sql = query.ToQueryString();
        var values = ParameterLine().Matches(sql).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var statement = ParameterLine().Replace(sql, "");
        foreach (var (name, value) in values.OrderByDescending(v => v.Key.Length)) statement = statement.Replace(name, value, StringComparison.Ordinal);
        return await ExplainSqlAsync(db, statement);
    }

    /// <summary>EXPLAIN QUERY PLAN of a raw statement whose values are written into it.</summary>
    private static async Task<string> ExplainSqlAsync(QunfaDbContext db, string statement)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + statement.Trim();
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) lines.Add(reader.GetString(3));
        return string.Join("\n", lines);
    }

    // ToQueryString declares each parameter as a CLI line: .param set @name 'value'
    [GeneratedRegex(@"^\.param set (@\w+) (.*)$", RegexOptions.Multiline)]
    private static partial Regex ParameterLine();
}
