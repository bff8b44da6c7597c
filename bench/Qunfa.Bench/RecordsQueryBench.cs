using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Testing;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending.Records;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Bench;

/// <summary>
/// 发送记录查询 on a large table: seeds <c>rows</c> records (500-number tasks over 180 days, five templates, a million
/// numbers, one number in every 50th task) with the production indexes in place, then times each query of the page
/// through <see cref="RecordSearch"/> and prints the database's plan of every statement it ran.
/// </summary>
public static class RecordsQueryBench
{
    private const int TaskSize = 500;
    private const int Days = 180;
    private const int NumberPool = 1_000_000;
    private const string Hot = "13800138000";

    public static async Task RunAsync(int rows, DatabaseKind db)
    {
        Console.WriteLine($"records-query: {rows:N0} records, {db}, {Environment.ProcessorCount} cores");
        SendEndToEndBench.PointTestHostAtWebProject();
        var settings = new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" };
        await using var setup = await SendingScenario.StartAsync(db, balance: 10, settings);
        var app = setup.App;
        var clock = app.Services.GetRequiredService<OperatorClock>();

        var seeding = Stopwatch.StartNew();
        var tasks = rows / TaskSize;
        var firstTask = await SeedTasksAsync(app, setup.CustomerId, tasks, clock);
        await SeedRecordsAsync(app, db, setup.CustomerId, setup.GrantId, firstTask, rows);
        Console.WriteLine($"  seeded {tasks:N0} tasks and {rows:N0} records in {seeding.Elapsed.TotalSeconds:F0} s");

        var explain = new ExplainInterceptor(db);
        await using var context = Open(app, db, explain);
        var search = new RecordSearch(context, clock);
        var today = clock.Today;
        RecordQuery Query(RecordQueryMode mode, string? phone, string? template, RecordStatusFilter status, int days, int? customer = null) =>
            new(mode, phone, template, status, today.AddDays(1 - days), today, customer);
        var coldPhone = "139" + (NumberPool / 3).ToString("D8", CultureInfo.InvariantCulture);
        var page = new PageRequest(1, 10);

        await TimeAsync(explain, "by number, 统计信息 (92 days)", () => search.PhoneSummaryAsync(Query(RecordQueryMode.Phone, Hot, null, RecordStatusFilter.All, 92), default));
        await TimeAsync(explain, "by number, 详情 page 1 (92 days, 全部)", () => search.PageAsync(Query(RecordQueryMode.Phone, Hot, null, RecordStatusFilter.All, 92), page, default));
        await TimeAsync(explain, "by number, 详情 page 1 (92 days, 发送失败)", () => search.PageAsync(Query(RecordQueryMode.Phone, Hot, null, RecordStatusFilter.Failed, 92), page, default));
        await TimeAsync(explain, "by an ordinary number, 详情 page 1 (92 days)", () => search.PageAsync(Query(RecordQueryMode.Phone, coldPhone, null, RecordStatusFilter.All, 92), page, default));
        await TimeAsync(explain, "by number, one customer's (console), 详情 page 1", () => search.PageAsync(Query(RecordQueryMode.Phone, Hot, null, RecordStatusFilter.All, 92, setup.CustomerId), page, default));
        await TimeAsync(explain, "by template, 统计信息 (30 days)", () => search.TemplateSummariesAsync(Query(RecordQueryMode.Template, null, "SMS_BENCH1", RecordStatusFilter.All, 30), default));
        await TimeAsync(explain, "by template, 详情 page 1 (1 day, 全部)", () => search.PageAsync(Query(RecordQueryMode.Template, null, "SMS_BENCH1", RecordStatusFilter.All, 1), page, default));
        await TimeAsync(explain, "by template, 详情 page 1 (7 days, 发送失败)", () => search.PageAsync(Query(RecordQueryMode.Template, null, "SMS_BENCH1", RecordStatusFilter.Failed, 7), page, default));
        await TimeAsync(explain, "by template, 详情 page 1 (30 days, 全部)", () => search.PageAsync(Query(RecordQueryMode.Template, null, "SMS_BENCH1", RecordStatusFilter.All, 30), page, default));
        await TimeAsync(explain, "by template + number (30 days)", () => search.PageAsync(Query(RecordQueryMode.Template, Hot, "SMS_BENCH1", RecordStatusFilter.All, 30), page, default));

        var export = Stopwatch.StartNew();
        var exported = search.Stream(Query(RecordQueryMode.Template, null, "SMS_BENCH1", RecordStatusFilter.All, 30)).Count();
        Console.WriteLine($"  export read (30 days of one template): {exported:N0} rows in {export.Elapsed.TotalSeconds:F1} s, {exported / export.Elapsed.TotalSeconds:N0} rows/s");
        Console.WriteLine();
        Console.WriteLine(explain.Report());
    }

    private static async Task TimeAsync<T>(ExplainInterceptor explain, string label, Func<Task<T>> run)
    {
        explain.Label = label;
        await run(); // warm, and its plans recorded
        explain.Label = null;
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"  {label,-52} median {times[times.Count / 2],7:F1} ms   max {times[^1],7:F1} ms");
    }

    private static async Task<long> SeedTasksAsync(QunfaApp app, int customerId, int tasks, OperatorClock clock)
    {
        var start = clock.DayBounds(clock.Today.AddDays(1 - Days)).Start;
        var step = TimeSpan.FromTicks((clock.DayBounds(clock.Today).End - start).Ticks / tasks);
        const int batch = 2000;
        for (var from = 0; from < tasks; from += batch)
        {
            var first = from;
            await app.WithDbAsync(async d =>
            {
                for (var i = first; i < Math.Min(tasks, first + batch); i++)
                {
                    d.SendTasks.Add(new SendTask
                    {
                        CustomerId = customerId, SignName = "群发沙箱", TemplateCode = "SMS_BENCH" + (i % 5).ToString(CultureInfo.InvariantCulture),
                        TemplateName = "模板" + (i % 5).ToString(CultureInfo.InvariantCulture), TemplateContent = "您的订单${order}已发货", CommonVariables = """{"order":"A1001"}""",
                        NumberCount = TaskSize, BilledSegments = TaskSize, DeliveredCount = TaskSize * 8 / 10, FailedCount = TaskSize / 10,
                        Status = SendTaskStatus.Completed, CreatedAt = start + step * i,
                    });
                }
                return await d.SaveChangesAsync();
            });
        }
        return await app.WithDbAsync(async d =>
        {
            var ids = await d.SendTasks.GroupBy(_ => 1).Select(g => new { Min = g.Min(t => t.Id), Max = g.Max(t => t.Id), Count = g.Count() }).SingleAsync();
            if (ids.Max - ids.Min + 1 != ids.Count) throw new InvalidOperationException("Task ids are not contiguous.");
            return ids.Min;
        });
    }

    /// <summary>Task k holds records k*500 … k*500+499; every 50th task also sends to the hot number (in place of its first one).</summary>
    private static Task SeedRecordsAsync(QunfaApp app, DatabaseKind db, int customerId, int grantId, long firstTask, int rows)
    {
        var sql = db == DatabaseKind.Postgres
            ? $"""
               INSERT INTO "SendRecords" ("TaskId", "CustomerId", "Phone", "Segments", "GrantId", "Status", "Code", "Attempts", "Refunded")
               SELECT {firstTask} + x / {TaskSize}, {customerId},
                      CASE WHEN x % {TaskSize} = 0 AND (x / {TaskSize}) % 50 = 0 THEN '{Hot}' ELSE '139' || lpad(((x * 7919::bigint) % {NumberPool})::text, 8, '0') END,
                      1, {grantId},
                      CASE x % 10 WHEN 0 THEN 'Failed' WHEN 1 THEN 'Submitted' ELSE 'Delivered' END,
                      CASE x % 10 WHEN 0 THEN 'MOBILE_NOT_ON_SERVICE' WHEN 1 THEN NULL ELSE 'DELIVERED' END, 1, false
               FROM generate_series(0, {rows - 1}) AS x;
               """
            : $"""
               WITH RECURSIVE seq(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM seq WHERE x < {rows - 1})
               INSERT INTO "SendRecords" ("TaskId", "CustomerId", "Phone", "Segments", "GrantId", "Status", "Code", "Attempts", "Refunded")
               SELECT {firstTask} + x / {TaskSize}, {customerId},
                      CASE WHEN x % {TaskSize} = 0 AND (x / {TaskSize}) % 50 = 0 THEN '{Hot}' ELSE '139' || printf('%08d', (x * 7919) % {NumberPool}) END,
                      1, {grantId},
                      CASE x % 10 WHEN 0 THEN 'Failed' WHEN 1 THEN 'Submitted' ELSE 'Delivered' END,
                      CASE x % 10 WHEN 0 THEN 'MOBILE_NOT_ON_SERVICE' WHEN 1 THEN NULL ELSE 'DELIVERED' END, 1, 0
               FROM seq;
               """;
        return app.WithDbAsync(async d =>
        {
            d.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            var inserted = await d.Database.ExecuteSqlRawAsync(sql);
            // What autovacuum does to a settled table: statistics, and the visibility map that index-only scans need.
            if (db == DatabaseKind.Postgres) await d.Database.ExecuteSqlRawAsync("""VACUUM ANALYZE "SendRecords", "SendTasks";""");
            return inserted;
        });
    }

    private static QunfaDbContext Open(QunfaApp app, DatabaseKind db, ExplainInterceptor explain) => db == DatabaseKind.Postgres
        ? new PostgresQunfaDbContext(new DbContextOptionsBuilder<PostgresQunfaDbContext>()
            .UseNpgsql(app.Database.Settings["ConnectionStrings:Postgres"]).AddInterceptors(explain).Options)
        : new SqliteQunfaDbContext(new DbContextOptionsBuilder<SqliteQunfaDbContext>()
            .UseSqlite($"Data Source={Path.Combine(app.Database.DataDirectory, "qunfa.db")}").AddInterceptors(explain).Options);

    /// <summary>Asks the database for the plan of each statement a labelled query runs (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE).</summary>
    private sealed class ExplainInterceptor(DatabaseKind db) : DbCommandInterceptor
    {
        private readonly StringBuilder _report = new();

        public string? Label { get; set; }

        public string Report() => _report.ToString();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Label is { } label) await ExplainAsync(label, command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            if (Label is { } label) await ExplainAsync(label, command, cancellationToken);
            return result;
        }

        private async Task ExplainAsync(string label, DbCommand command, CancellationToken ct)
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.CommandText = (db == DatabaseKind.Postgres ? "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " : "EXPLAIN QUERY PLAN ") + command.CommandText;
            foreach (DbParameter p in command.Parameters)
            {
                var copy = explain.CreateParameter();
                copy.ParameterName = p.ParameterName;
                copy.Value = p.Value;
                copy.DbType = p.DbType;
                explain.Parameters.Add(copy);
            }
            _report.AppendLine("### " + label).AppendLine("```sql").AppendLine(command.CommandText.Trim()).AppendLine("```").AppendLine("```");
            await using var reader = await explain.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                _report.AppendLine(db == DatabaseKind.Postgres ? reader.GetString(0) : reader.GetString(3));
            _report.AppendLine("```");
        }
    }
}
