using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Infrastructure.Export;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.IntegrationTests;

/// <summary>
/// 发送记录查询 (admin and console): by number and status, by template, 详情 paged and searched, bad input refused,
/// customers kept apart, and the exports (xlsx, csv, and the background job of a large one).
/// </summary>
public sealed partial class RecordQueryTests
{
    private const string Number = "13912345678";
    private const string OtherTemplate = "SMS_900000999";
    private const string Sent = "【群发沙箱】您的订单A1001已发货";
    private const string Formula = "=cmd|' /C calc'!A0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Customer A: today T1 (the template, 25 numbers: the number delivered, one failed with a formula for a description,
    /// one submitted, 22 delivered), T2 (the template, per-number values: the number failed, one queued), T4 (another
    /// template: the number delivered); 40 days ago T3 (the template: the number delivered).
    /// Customer B: today T5 (the same template code: the number delivered, one failed).
    /// </summary>
    private sealed record Data(SendingScenario.Setup Setup, PageClient Admin, PageClient Other, DateOnly Today, int OtherCustomerId) : IAsyncDisposable
    {
        public QunfaApp App => Setup.App;
        public PageClient Customer => Setup.Client;
        public string Day => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        public string Compact => Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            Other.Dispose();
            await Setup.DisposeAsync();
        }
    }

    private static async Task<Data> SeedAsync(DatabaseKind db, IReadOnlyDictionary<string, string>? settings = null)
    {
        var setup = await SendingScenario.StartAsync(db, balance: 1000, settings);
        var app = setup.App;
        var admin = app.CreatePageClient();
        await SetupScenario.LoginAsync(admin);
        var other = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, other, "13600000000", "other@example.com", "别的企业");
        var clock = app.Services.GetRequiredService<OperatorClock>();
        var today = clock.Today;
        var todayAt = clock.DayBounds(today).Start.AddMinutes(1);
        var oldAt = clock.DayBounds(today.AddDays(-40)).Start.AddHours(1);

        var otherId = await app.WithDbAsync(async d =>
        {
            var b = await d.Customers.SingleAsync(c => c.Email == "other@example.com");
            var grant = new PackageGrant
            {
                CustomerId = b.Id, Category = SmsCategory.Notification, Size = 100, Status = GrantStatus.Active, Source = GrantSource.Allocated,
                ExpiresOn = today.AddDays(30), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            d.PackageGrants.Add(grant);
            await d.SaveChangesAsync();

            var t1 = await TaskAsync(d, setup.CustomerId, SendingScenario.TemplateCode, "发货通知", todayAt, """{"order":"A1001"}""");
            var t2 = await TaskAsync(d, setup.CustomerId, SendingScenario.TemplateCode, "发货通知", todayAt.AddMinutes(1), null);
            var t3 = await TaskAsync(d, setup.CustomerId, SendingScenario.TemplateCode, "发货通知", oldAt, """{"order":"A1001"}""");
            var t4 = await TaskAsync(d, setup.CustomerId, OtherTemplate, "其他模板", todayAt.AddMinutes(2), """{"order":"A1001"}""");
            var t5 = await TaskAsync(d, b.Id, SendingScenario.TemplateCode, "发货通知", todayAt.AddMinutes(3), """{"order":"A1001"}""");

            Record(d, t1, setup.GrantId, Number, RecipientStatus.Delivered, "DELIVERED", null, todayAt);
            Record(d, t1, setup.GrantId, "13900000002", RecipientStatus.Failed, "MOBILE_NOT_ON_SERVICE", Formula, todayAt);
            Record(d, t1, setup.GrantId, "13900000003", RecipientStatus.Submitted, null, null, todayAt);
            for (var i = 0; i < 22; i++)
                Record(d, t1, setup.GrantId, "137000000" + i.ToString("00", CultureInfo.InvariantCulture), RecipientStatus.Delivered, "DELIVERED", null, todayAt);
            Record(d, t2, setup.GrantId, Number, RecipientStatus.Failed, "isv.BUSINESS_LIMIT_CONTROL", "-触发限流", todayAt, """{"order":"B2002"}""");
            Record(d, t2, setup.GrantId, "13900000004", RecipientStatus.Queued, null, null, null, """{"order":"B2003"}""");
            Record(d, t3, setup.GrantId, Number, RecipientStatus.Delivered, "DELIVERED", null, oldAt);
            Record(d, t4, setup.GrantId, Number, RecipientStatus.Delivered, "DELIVERED", null, todayAt);
            Record(d, t5, grant.Id, Number, RecipientStatus.Delivered, "DELIVERED", null, todayAt);
            Record(d, t5, grant.Id, "13900000005", RecipientStatus.Failed, "MOBILE_NOT_ON_SERVICE", "停机", todayAt);
            await d.SaveChangesAsync();
            return b.Id;
        });
        return new Data(setup, admin, other, today, otherId);
    }

    private static async Task<SendTask> TaskAsync(Qunfa.Web.Data.QunfaDbContext d, int customerId, string code, string name, DateTimeOffset at, string? common)
    {
        var task = new SendTask
        {
            CustomerId = customerId, SignName = SandboxAccount.SignName, TemplateCode = code, TemplateName = name, TemplateContent = SendingScenario.Content,
            CommonVariables = common, PerRecipientVariables = common is null, Status = SendTaskStatus.Completed, CreatedAt = at, CompletedAt = at,
        };
        d.SendTasks.Add(task);
        await d.SaveChangesAsync();
        return task;
    }

    private static void Record(Qunfa.Web.Data.QunfaDbContext d, SendTask task, int grantId, string phone, RecipientStatus status,
        string? code, string? description, DateTimeOffset? at, string? variables = null)
    {
        d.SendRecords.Add(new SendRecord
        {
            TaskId = task.Id, CustomerId = task.CustomerId, Phone = phone, Variables = variables, Segments = 1, GrantId = grantId, Status = status,
            Code = code, Description = description, SubmittedAt = status == RecipientStatus.Queued ? null : at, ReportedAt = status is RecipientStatus.Delivered or RecipientStatus.Failed ? at : null,
        });
        task.NumberCount++;
        task.BilledSegments++;
        if (status == RecipientStatus.Delivered) task.DeliveredCount++;
        if (status == RecipientStatus.Failed) task.FailedCount++;
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ByNumberAndStatus_CountsAndListsTheNumbersRecordsInTheRange(DatabaseKind db)
    {
        await using var s = await SeedAsync(db);
        var range = $"from={s.Day}&to={s.Day}";

        var page = (await s.Admin.GetAsync("/admin/statistics/records")).Html;
        Assert.Contains("发送记录查询", page);
        Assert.Contains("按手机号查询", page);
        Assert.Contains(SendingScenario.TemplateCode, page); // the picker's choices

        var summary = Section((await s.Admin.GetAsync($"/admin/statistics/records?by=phone&phone={Number}&{range}")).Html, "data-testid=\"phone-summary\"", "</table>");
        Assert.Equal(["4", "3", "1", "0"], Cells(summary).Skip(2).Take(4)); // 发送总数 发送成功 发送失败 等待回执 (B's included)

        var all = await RowsAsync(s.Admin, $"/admin/statistics/records/detail?by=phone&phone={Number}&status=all&{range}");
        Assert.Equal(4, all.Count);
        Assert.All(all, r => Assert.Equal(Number, r[2]));
        Assert.Equal(["发送成功", "发送成功", "发送失败", "发送成功"], all.Select(r => r[4])); // newest task first: T5, T4, T2, T1
        Assert.Equal("【群发沙箱】您的订单B2002已发货", all[2][3]); // the number's own value
        Assert.Equal(Sent, all[3][3]);
        Assert.Equal(["isv.BUSINESS_LIMIT_CONTROL", "-触发限流"], all[2][5..7]);

        var failed = await RowsAsync(s.Admin, $"/admin/statistics/records/detail?by=phone&phone={Number}&status=failed&{range}");
        Assert.Equal("发送失败", Assert.Single(failed)[4]);
        Assert.Single(await RowsAsync(s.Admin, $"/admin/statistics/records/detail?by=phone&phone=13900000003&status=waiting&{range}"));
        Assert.Single(await RowsAsync(s.Admin, $"/admin/statistics/records/detail?by=phone&phone=13900000004&status=waiting&{range}"));
        Assert.Empty(await RowsAsync(s.Admin, $"/admin/statistics/records/detail?by=phone&phone=13900000003&status=delivered&{range}"));
        Assert.Single(await RowsAsync(s.Admin, $"/admin/statistics/records/detail?by=phone&phone=%2B86%20139-1234-5678&status=delivered&from={s.Today.AddDays(-45):yyyy-MM-dd}&to={s.Today.AddDays(-30):yyyy-MM-dd}"));
        Assert.Equal(5, (await RowsAsync(s.Admin, $"/admin/statistics/records/detail?by=phone&phone={Number}&from={s.Today.AddDays(-45):yyyy-MM-dd}&to={s.Day}")).Count);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ByTemplate_SummarisesItsTasks_AndTheDetailIsPagedAndSearchedByNumber(DatabaseKind db)
    {
        await using var s = await SeedAsync(db);
        var range = $"from={s.Day}&to={s.Day}";

        var html = (await s.Admin.GetAsync($"/admin/statistics/records?by=template&template={Uri.EscapeDataString("发货")}&{range}")).Html;
        var summary = Section(html, "data-testid=\"template-summary\"", "</table>");
        Assert.Equal(["发货通知", SendingScenario.TemplateCode, $"{s.Day} 至 {s.Day}", "3", "29", "24", "3", "29"], Cells(summary).Take(8));
        Assert.DoesNotContain(OtherTemplate, summary);
        Assert.Contains(OtherTemplate, Section((await s.Admin.GetAsync($"/admin/statistics/records?by=template&template={OtherTemplate}&{range}")).Html, "data-testid=\"template-summary\"", "</table>"));
        Assert.Contains($"/admin/statistics/records/detail?by=template&template={SendingScenario.TemplateCode}&status=all&{range}\">详情", summary);

        var detail = $"/admin/statistics/records/detail?by=template&template={SendingScenario.TemplateCode}&{range}";
        var first = (await s.Admin.GetAsync(detail)).Html;
        Assert.Contains("共29条", first);
        Assert.Equal(10, Rows(first).Count);
        var third = Rows((await s.Admin.GetAsync(detail + "&p=3&size=10")).Html);
        Assert.Equal(9, third.Count);
        Assert.Equal("21", third[0][0]);
        var everything = await RowsAsync(s.Admin, detail);
        Assert.Equal(29, everything.Count);
        Assert.Equal(29, everything.Select(r => r[0]).Distinct().Count());

        Assert.Equal(3, (await RowsAsync(s.Admin, detail + "&phone=" + Number)).Count); // T5, T2, T1
        Assert.Equal(22, (await RowsAsync(s.Admin, detail + "&phone=137000")).Count); // a fragment
        Assert.Equal(3, (await RowsAsync(s.Admin, detail + "&status=failed")).Count);
        Assert.Equal(2, (await RowsAsync(s.Admin, detail + "&status=waiting")).Count);
        Assert.Empty(await RowsAsync(s.Admin, $"/admin/statistics/records/detail?by=template&template={SendingScenario.TemplateCode}&from={s.Today.AddDays(1):yyyy-MM-dd}&to={s.Today.AddDays(2):yyyy-MM-dd}"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadInput_IsRefusedWithAReason_AndNothingIsRun(DatabaseKind db)
    {
        await using var s = await SeedAsync(db);
        var cases = new (string Query, string Message)[]
        {
            ($"by=phone&phone=12345&from={s.Day}&to={s.Day}", "请输入正确的手机号（11位数字）"),
            ($"by=phone&phone=1391234567a&from={s.Day}&to={s.Day}", "请输入正确的手机号（11位数字）"),
            ($"by=phone&from={s.Day}&to={s.Day}", "请输入手机号"),
            ($"by=phone&phone={Number}&from={s.Day}&to={s.Today.AddDays(-1):yyyy-MM-dd}", "结束日期不能早于开始日期"),
            ($"by=phone&phone={Number}&from={s.Today.AddDays(-92):yyyy-MM-dd}&to={s.Day}", "查询区间不能超过92天"),
            ($"by=phone&phone={Number}&from=2026-13-01&to={s.Day}", "日期格式不正确，应为年-月-日"),
            ($"by=phone&phone={Number}&to={s.Day}", "请选择开始日期"),
            ($"by=phone&phone={Number}&from={s.Day}&to={s.Day}&status=sent", "发送状态不正确"),
            ($"by=template&from={s.Day}&to={s.Day}", "请选择短信模板（模板名称或模板Code）"),
        };
        foreach (var (query, message) in cases)
        {
            var page = (await s.Admin.GetAsync("/admin/statistics/records?" + query)).Html;
            Assert.Contains(message, page);
            Assert.DoesNotContain("data-testid=\"phone-summary\"", page);
            Assert.DoesNotContain("data-testid=\"template-summary\"", page);
            var detail = (await s.Admin.GetAsync("/admin/statistics/records/detail?" + query)).Html;
            Assert.Contains(message, detail);
            Assert.DoesNotContain("data-testid=\"records\"", detail);
            using var export = await s.Admin.Http.GetAsync("/admin/statistics/records/detail?handler=Export&format=xlsx&" + query, Ct);
            Assert.Equal("text/html", export.Content.Headers.ContentType?.MediaType);
            Assert.Contains(message, await export.Content.ReadAsStringAsync(Ct));
        }
        // 91 days back to today is 92 days: allowed.
        Assert.Contains("data-testid=\"phone-summary\"", (await s.Admin.GetAsync($"/admin/statistics/records?by=phone&phone={Number}&from={s.Today.AddDays(-91):yyyy-MM-dd}&to={s.Day}")).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Customers_QueryOnlyTheirOwnRecords(DatabaseKind db)
    {
        await using var s = await SeedAsync(db);
        var range = $"from={s.Day}&to={s.Day}";

        Assert.Contains("/console/records", (await s.Customer.GetAsync("/console")).Html);
        var mine = Section((await s.Customer.GetAsync($"/console/records?by=phone&phone={Number}&{range}")).Html, "data-testid=\"phone-summary\"", "</table>");
        Assert.Equal(["3", "2", "1", "0"], Cells(mine).Skip(2).Take(4));
        Assert.Equal(3, (await RowsAsync(s.Customer, $"/console/records/detail?by=phone&phone={Number}&{range}")).Count);
        Assert.Equal(27, (await RowsAsync(s.Customer, $"/console/records/detail?by=template&template={SendingScenario.TemplateCode}&{range}")).Count);

        var theirs = await RowsAsync(s.Other, $"/console/records/detail?by=template&template={SendingScenario.TemplateCode}&{range}");
        Assert.Equal(["13900000005", Number], theirs.Select(r => r[2]));
        Assert.Single(await RowsAsync(s.Other, $"/console/records/detail?by=phone&phone={Number}&{range}"));
        Assert.Empty(await RowsAsync(s.Other, $"/console/records/detail?by=phone&phone=13900000002&{range}"));
        Assert.Empty(await RowsAsync(s.Other, $"/console/records/detail?by=template&template={OtherTemplate}&{range}"));
        Assert.DoesNotContain(OtherTemplate, (await s.Other.GetAsync("/console/records")).Html); // not in its picker

        using var export = await s.Other.Http.GetAsync($"/console/records/detail?handler=Export&format=csv&by=phone&phone={Number}&{range}", Ct);
        Assert.Single(ReadCsv(await export.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(HttpStatusCode.Redirect, (await s.Customer.GetAsync("/admin/statistics/records")).Status);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Exports_HoldWhatThePageShows_InXlsxAndCsv_WithFormulasNeutralised(DatabaseKind db)
    {
        await using var s = await SeedAsync(db);
        var query = $"by=template&template={SendingScenario.TemplateCode}&from={s.Day}&to={s.Day}";
        var shown = await RowsAsync(s.Admin, "/admin/statistics/records/detail?" + query);

        using var xlsx = await s.Admin.Http.GetAsync("/admin/statistics/records/detail?handler=Export&format=xlsx&" + query, Ct);
        Assert.Equal(TableFile.XlsxContentType, xlsx.Content.Headers.ContentType?.ToString());
        Assert.Equal($"发送记录_{SendingScenario.TemplateCode}_全部_{s.Compact}-{s.Compact}.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("filename*=UTF-8''", xlsx.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        using (var file = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)))
            Assert.Equal(Expected(shown), Cells(file.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()));

        using var csv = await s.Admin.Http.GetAsync("/admin/statistics/records/detail?handler=Export&format=csv&" + query, Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", csv.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var csvRows = ReadCsv(await csv.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(Expected(shown), csvRows);
        Assert.Contains(csvRows, r => r[6] == "'" + Formula);
        Assert.Contains(csvRows, r => r[6] == "'-触发限流");

        using var byNumber = await s.Admin.Http.GetAsync($"/admin/statistics/records/detail?handler=Export&format=xlsx&by=phone&phone={Number}&status=failed&from={s.Day}&to={s.Day}", Ct);
        Assert.Equal($"发送记录_{Number}_发送失败_{s.Compact}-{s.Compact}.xlsx", byNumber.Content.Headers.ContentDisposition?.FileNameStar);
        // Each of the admin's three exports is in 操作日志, named by its filters.
        var logged = await s.App.WithDbAsync(d => d.AdminLog.Where(e => e.Action == AdminAction.ExportSendRecords && e.Succeeded).Select(e => e.Detail).ToListAsync(Ct));
        Assert.Equal(3, logged.Count);
        Assert.Contains($"发送记录_{Number}_发送失败_{s.Compact}-{s.Compact}.xlsx", logged);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LargeExport_RunsInTheBackground_ShowsProgress_AndOnlyItsOwnerFetchesTheFileOnce(DatabaseKind db)
    {
        await using var s = await SeedAsync(db, new Dictionary<string, string> { ["Qunfa:Exports:BackgroundThreshold"] = "5" });
        var query = $"by=template&template={SendingScenario.TemplateCode}&from={s.Day}&to={s.Day}";
        var shown = await RowsAsync(s.Customer, "/console/records/detail?" + query);
        Assert.Equal(27, shown.Count);

        var started = await s.Customer.GetAsync("/console/records/detail?handler=Export&format=xlsx&" + query);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.StartsWith("/console/records/export?job=", started.Location, StringComparison.Ordinal);
        var job = started.Location!["/console/records/export?job=".Length..];
        var progress = (await s.Customer.GetAsync(started.Location)).Html;
        Assert.Contains("<progress", progress);
        Assert.Contains("/js/export-progress.js", progress);
        Assert.Contains($"发送记录_{SendingScenario.TemplateCode}_全部_{s.Compact}-{s.Compact}.xlsx", progress);

        JsonElement status = default;
        for (var i = 0; i < 200; i++)
        {
            status = JsonDocument.Parse((await s.Customer.GetAsync("/console/records/export?handler=Status&job=" + job)).Html).RootElement;
            if (status.GetProperty("state").GetString() != "running") break;
            await Task.Delay(100, Ct);
        }
        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.Equal(27, status.GetProperty("written").GetInt64());
        Assert.Equal(27, status.GetProperty("total").GetInt64());
        Assert.Equal(100, status.GetProperty("percent").GetInt32());
        var download = status.GetProperty("download").GetString()!;

        // Nobody else sees or fetches it: another customer, the admin.
        Assert.Equal(HttpStatusCode.NotFound, (await s.Other.GetAsync(started.Location)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Other.GetAsync("/console/records/export?handler=Status&job=" + job)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Other.GetAsync(download)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Admin.GetAsync("/admin/statistics/records/export?handler=Download&job=" + job)).Status);

        using (var response = await s.Customer.Http.GetAsync(download, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"发送记录_{SendingScenario.TemplateCode}_全部_{s.Compact}-{s.Compact}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
            using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(Expected(shown), Cells(file.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()));
        }
        // Fetched once, then gone, file and all.
        Assert.Equal(HttpStatusCode.NotFound, (await s.Customer.GetAsync(download)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Customer.GetAsync("/console/records/export?handler=Status&job=" + job)).Status);
        var folder = s.App.Services.GetRequiredService<ExportJobs>().Folder;
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder) : []);

        // The admin's own large export works the same way, as csv.
        var admin = await s.Admin.GetAsync("/admin/statistics/records/detail?handler=Export&format=csv&" + query);
        Assert.StartsWith("/admin/statistics/records/export?job=", admin.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Customer.GetAsync(admin.Location!.Replace("/admin/statistics/records/", "/console/records/", StringComparison.Ordinal))).Status);
    }

    /// <summary>What the export must hold for the rows the page showed: the same cells, formula-leading text neutralised.</summary>
    private static List<string[]> Expected(List<string[]> shown) =>
        shown.Select(r => r.Select((cell, i) => i is 2 or 3 or 5 or 6 ? SpreadsheetCell.Text(cell) : cell).ToArray()).ToList();

    private static List<string[]> Cells(IEnumerable<IDictionary<string, object?>> rows) =>
        rows.Select(r => Qunfa.Web.Features.Sending.Records.RecordExport.Columns.Select(c => Convert.ToString(r[c], CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var file = new MemoryStream(bytes);
        return Cells(file.Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>());
    }

    /// <summary>Every row 详情 shows, at 100 a page.</summary>
    private static async Task<List<string[]>> RowsAsync(PageClient client, string path)
    {
        var rows = new List<string[]>();
        for (var p = 1; ; p++)
        {
            var page = await client.GetAsync($"{path}&size=100&p={p}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var batch = Rows(page.Html);
            rows.AddRange(batch);
            if (batch.Count < 100) return rows;
        }
    }

    private static List<string[]> Rows(string html)
    {
        var table = Section(html, "data-testid=\"records\"", "</table>");
        var body = table[table.IndexOf("<tbody>", StringComparison.Ordinal)..];
        return RowPattern().Matches(body).Select(m => Cells(m.Value)).Where(c => c.Length == 7).ToList();
    }

    private static string[] Cells(string html) =>
        CellPattern().Matches(html).Select(m => WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[1].Value, "")).Trim()).ToArray();

    private static string Section(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{from} not found");
        var end = html.IndexOf(to, start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    [GeneratedRegex(@"<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex TagPattern();
}
