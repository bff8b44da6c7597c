using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Testing;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Statistics;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Bench;

/// <summary>
/// 首页 and 发送量统计 over a large history: recipient records for 200 customers over 90 days bulk-inserted into SQLite
/// (one prepared INSERT in large transactions), the rollups rebuilt from them, then both pages requested in-process
/// and timed (server time, rendering included).
/// </summary>
public static class StatisticsBench
{
    private const int Customers = 200;
    private const int Days = 90;
    private const int TasksPerCustomerDay = 2;
    private const int Requests = 30;

    public static async Task RunAsync(int records)
    {
        Console.WriteLine($"stats-10m: {records:N0} records, {Customers} customers, {Days} days, Sqlite, {Environment.ProcessorCount} cores");
        SendEndToEndBench.PointTestHostAtWebProject();
        var settings = new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" };
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite, settings);
        using var admin = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(admin);
        await SetupScenario.LoginAsync(admin);
        var clock = app.Services.GetRequiredService<OperatorClock>();
        var today = clock.Today;

        var (customerIds, grants, connectionString) = await app.WithDbAsync(async d =>
        {
            var now = DateTimeOffset.UtcNow;
            var customers = Enumerable.Range(1, Customers).Select(i => new Customer
            {
                CompanyName = $"压测企业{i:D3}", Email = $"bench{i}@example.com", ContactName = "压测", Phone = "137" + i.ToString("D8", CultureInfo.InvariantCulture),
                CreatedAt = now, SignatureLimit = 5, TemplateLimit = 20,
            }).ToList();
            d.Customers.AddRange(customers);
            await d.SaveChangesAsync();
            var grants = customers.Select(c => new PackageGrant
            {
                CustomerId = c.Id, Category = SmsCategory.Notification, Size = 1_000_000, Used = 0, Status = GrantStatus.Active,
                Source = GrantSource.Allocated, ExpiresOn = today.AddDays(365), CreatedAt = now, UpdatedAt = now,
            }).ToList();
            d.PackageGrants.AddRange(grants);
            foreach (var c in customers)
            {
                d.Signatures.Add(new Signature { CustomerId = c.Id, Name = "签名" + c.Id, Status = ReviewStatus.Approved, Origin = Origin.Applied, CreatedAt = now, UpdatedAt = now });
                d.Templates.Add(new Template { CustomerId = c.Id, Name = "通知" + c.Id, TemplateCode = "SMS_" + c.Id, Content = "您的订单${order}已发货", Type = TemplateType.Notification, Status = ReviewStatus.Approved, Origin = Origin.Applied, CreatedAt = now, UpdatedAt = now });
            }
            await d.SaveChangesAsync();
            return (customers.Select(c => c.Id).ToArray(), grants.ToDictionary(g => g.CustomerId, g => g.Id), d.Database.GetConnectionString()!);
        });

        var seeding = Stopwatch.StartNew();
        var used = await SeedAsync(connectionString, customerIds, grants, records, today, clock);
        Console.WriteLine($"  seeded {records:N0} records in {seeding.Elapsed.TotalSeconds:F0} s ({records / seeding.Elapsed.TotalSeconds:N0} records/s)");
        await app.WithDbAsync(async d =>
        {
            foreach (var (customer, amount) in used)
                await d.PackageGrants.Where(g => g.CustomerId == customer).ExecuteUpdateAsync(u => u.SetProperty(g => g.Used, amount));
            return 0;
        });

        var rebuild = Stopwatch.StartNew();
        int rows;
        await using (var scope = app.Services.CreateAsyncScope())
            rows = await scope.ServiceProvider.GetRequiredService<RollupRebuild>().RunAsync(CancellationToken.None);
        Console.WriteLine($"  rollups rebuilt: {rows:N0} rows in {rebuild.Elapsed.TotalSeconds:F1} s");

        var from = today.AddDays(1 - Days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await TimeAsync(admin, "首页 (/admin)", "/admin");
        await TimeAsync(admin, "发送量统计, 90 days, all customers", $"/admin/statistics/volume?from={from}&to={to}");
        await TimeAsync(admin, "发送量统计, 90 days, one customer", $"/admin/statistics/volume?from={from}&to={to}&customer={customerIds[17]}");
        await TimeAsync(admin, "发送量统计 export xlsx, 90 days", $"/admin/statistics/volume?handler=Export&format=xlsx&from={from}&to={to}");
    }

    private static async Task TimeAsync(PageClient client, string what, string path)
    {
        for (var i = 0; i < 3; i++) await GetAsync(client, path);
        var times = new List<double>();
        for (var i = 0; i < Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await GetAsync(client, path);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"  {what}: median {times[times.Count / 2]:F1} ms, p95 {times[(int)(times.Count * 0.95)]:F1} ms, max {times[^1]:F1} ms   target < 100 ms");
    }

    private static async Task GetAsync(PageClient client, string path)
    {
        using var response = await client.Http.GetAsync(path);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Tasks and their records with final states, spread over the days; returns each customer's charged segments.</summary>
    private static async Task<Dictionary<int, int>> SeedAsync(string connectionString, int[] customers, Dictionary<int, int> grants, int records, DateOnly today, OperatorClock clock)
    {
        var ticks = new DateTimeOffsetToBinaryConverter();
        object Stored(DateTimeOffset at) => ticks.ConvertToProvider(at.ToUniversalTime())!;
        var random = new Random(90);
        var tasks = Customers * Days * TasksPerCustomerDay;
        var perTask = records / tasks;
        var extra = records % tasks;
        var used = new Dictionary<int, int>();

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-400000;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var insertTask = connection.CreateCommand();
        insertTask.CommandText = """
            INSERT INTO "SendTasks" ("CustomerId", "SignName", "TemplateId", "TemplateCode", "TemplateName", "TemplateType", "Category", "TemplateContent",
                "CommonVariables", "PerRecipientVariables", "NumberCount", "InvalidCount", "DuplicateCount", "BilledSegments", "DeliveredCount", "FailedCount",
                "Status", "CreatedAt", "ScheduledAt", "CompletedAt")
            VALUES ($customer, $sign, NULL, $code, $name, 'Notification', 'Notification', '您的订单${order}已发货', '{"order":"A1"}', 0, $count, 0, 0, $count,
                $delivered, $failed, 'Completed', $created, NULL, $created) RETURNING "Id"
            """;
        var tCustomer = insertTask.Parameters.Add("$customer", SqliteType.Integer);
        var tSign = insertTask.Parameters.Add("$sign", SqliteType.Text);
        var tCode = insertTask.Parameters.Add("$code", SqliteType.Text);
        var tName = insertTask.Parameters.Add("$name", SqliteType.Text);
        var tCount = insertTask.Parameters.Add("$count", SqliteType.Integer);
        var tDelivered = insertTask.Parameters.Add("$delivered", SqliteType.Integer);
        var tFailed = insertTask.Parameters.Add("$failed", SqliteType.Integer);
        var tCreated = insertTask.Parameters.Add("$created", SqliteType.Integer);
        await using var insertRecord = connection.CreateCommand();
        insertRecord.CommandText = """
            INSERT INTO "SendRecords" ("TaskId", "CustomerId", "Phone", "Segments", "GrantId", "Status", "Code", "Attempts", "SubmittedAt", "ReportedAt", "Refunded")
            VALUES ($task, $customer, $phone, 1, $grant, $status, $code, 1, $at, $at, $refunded)
            """;
        var rTask = insertRecord.Parameters.Add("$task", SqliteType.Integer);
        var rCustomer = insertRecord.Parameters.Add("$customer", SqliteType.Integer);
        var rPhone = insertRecord.Parameters.Add("$phone", SqliteType.Text);
        var rGrant = insertRecord.Parameters.Add("$grant", SqliteType.Integer);
        var rStatus = insertRecord.Parameters.Add("$status", SqliteType.Text);
        var rCode = insertRecord.Parameters.Add("$code", SqliteType.Text);
        var rAt = insertRecord.Parameters.Add("$at", SqliteType.Integer);
        var rRefunded = insertRecord.Parameters.Add("$refunded", SqliteType.Integer);

        var written = 0L;
        var progress = Stopwatch.StartNew();
        var taskNumber = 0;
        for (var day = 0; day < Days; day++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            insertTask.Transaction = transaction;
            insertRecord.Transaction = transaction;
            var date = today.AddDays(-day);
            foreach (var customer in customers)
            {
                for (var t = 0; t < TasksPerCustomerDay; t++, taskNumber++)
                {
                    var count = perTask + (taskNumber < extra ? 1 : 0);
                    var statuses = new string[count];
                    int delivered = 0, failed = 0;
                    for (var i = 0; i < count; i++)
                    {
                        var roll = random.Next(100);
                        statuses[i] = roll < 94 ? "Delivered" : roll < 99 ? "Failed" : "Unknown";
                        if (roll < 94) delivered++;
                        else if (roll < 99) failed++;
                    }
                    var local = date.ToDateTime(new TimeOnly(8 + t * 6, random.Next(60)), DateTimeKind.Unspecified);
                    var created = new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
                    tCustomer.Value = customer;
                    tSign.Value = "签名" + customer;
                    tCode.Value = "SMS_" + customer;
                    tName.Value = "通知" + customer;
                    tCount.Value = count;
                    tDelivered.Value = delivered;
                    tFailed.Value = failed;
                    tCreated.Value = Stored(created);
                    var taskId = (long)insertTask.ExecuteScalar()!;
                    rTask.Value = taskId;
                    rCustomer.Value = customer;
                    rGrant.Value = grants[customer];
                    rAt.Value = Stored(created.AddSeconds(5));
                    for (var i = 0; i < count; i++)
                    {
                        rPhone.Value = "139" + ((taskNumber * 7919L + i) % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
                        rStatus.Value = statuses[i];
                        rCode.Value = statuses[i] switch { "Delivered" => "DELIVERED", "Failed" => "MOBILE_NOT_ON_SERVICE", _ => DBNull.Value };
                        rRefunded.Value = statuses[i] == "Failed" ? 1 : 0;
                        insertRecord.ExecuteNonQuery();
                    }
                    used[customer] = used.GetValueOrDefault(customer) + count - failed;
                    written += count;
                }
            }
            await transaction.CommitAsync();
            if (day % 10 == 9) Console.WriteLine($"    {written:N0} records after {progress.Elapsed.TotalSeconds:F0} s");
        }
        return used;
    }
}
