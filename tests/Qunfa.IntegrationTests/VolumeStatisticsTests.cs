using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Statistics;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.IntegrationTests;

/// <summary>发送量统计: daily rows from the rollups, its filters, 导出 of exactly those rows, 重建统计, and the admin only.</summary>
public sealed partial class VolumeStatisticsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Setup(SendingScenario.Setup Sending, PageClient Admin, int OtherCustomer, DateOnly Today) : IAsyncDisposable
    {
        public QunfaApp App => Sending.App;

        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            await Sending.DisposeAsync();
        }
    }

    /// <summary>
    /// A real send today (one delivered, two failed and refunded) and, for a second customer, rollups ten and forty days
    /// ago with a promotion template.
    /// </summary>
    private static async Task<Setup> StartAsync(DatabaseKind db)
    {
        var s = await SendingScenario.StartAsync(db, balance: 100);
        var (accepted, _) = await SendingScenario.SendAsync(s, "13912345678\n13900000001\n13912340002");
        await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);
        var admin = s.App.CreatePageClient();
        await SetupScenario.LoginAsync(admin);
        using (var other = s.App.CreatePageClient())
            await CustomerScenario.RegisterAsync(s.App, other, "13700000009", "other@example.com", "另一家企业");
        var today = s.App.Services.GetRequiredService<OperatorClock>().Today;
        var otherId = await s.App.WithDbAsync(async d =>
        {
            var id = await d.Customers.Where(c => c.Phone == "13700000009").Select(c => c.Id).SingleAsync();
            SendRollup Rollup(DateOnly day, long numbers, long delivered, long failed) => new()
            {
                CustomerId = id, Day = day, SignName = "促销签名", TemplateCode = "SMS_5", TemplateName = "双十一促销", TemplateType = TemplateType.Promotion,
                Category = SmsCategory.Promotion, Numbers = numbers, Delivered = delivered, Failed = failed, Segments = numbers * 2, RefundedSegments = failed * 2,
            };
            d.SendRollups.AddRange(Rollup(today.AddDays(-10), 100, 80, 15), Rollup(today.AddDays(-40), 50, 50, 0));
            await d.SaveChangesAsync();
            return id;
        });
        return new Setup(s, admin, otherId, today);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DailyRows_FollowTheFilters_AndLinkEachDayToItsTasks(DatabaseKind db)
    {
        await using var s = await StartAsync(db);
        var today = Day(s.Today);

        var page = (await s.Admin.GetAsync("/admin/statistics/volume")).Html;
        foreach (var label in new[] { "发送量统计", "日期", "发送总量", "发送成功", "发送失败", "未回执", "计费条数", "成功率", "短信签名", "短信模板类型", "短信模板名称", "发送数据走势图" })
            Assert.Contains(label, page);
        var rows = Rows(page);
        Assert.Equal(31, rows.Count); // the last 30 days and 合计
        Assert.Equal(["3", "1", "2", "0", "1", "33.33%"], rows[today]);
        Assert.Equal(["100", "80", "15", "5", "170", "80.00%"], rows[Day(s.Today.AddDays(-10))]);
        Assert.Equal(["0", "0", "0", "0", "0", "—"], rows[Day(s.Today.AddDays(-1))]);
        Assert.Equal(["103", "81", "17", "5", "171", "78.64%"], rows["total"]);
        Assert.Equal($"href=\"/admin/sends/tasks?from={today}&to={today}\"", Regex.Match(page, "href=\"/admin/sends/tasks\\?from[^\"]*\"").Value);
        Assert.Contains("data-chart=", page);
        Assert.Contains("/lib/chartjs/chart.umd.min.js", page);

        var sixty = Rows((await s.Admin.GetAsync($"/admin/statistics/volume?from={Day(s.Today.AddDays(-59))}&to={today}")).Html);
        Assert.Equal(61, sixty.Count);
        Assert.Equal(["153", "131", "17", "5", "271", "85.62%"], sixty["total"]);

        var other = (await s.Admin.GetAsync($"/admin/statistics/volume?customer={s.OtherCustomer}")).Html;
        Assert.Equal(["100", "80", "15", "5", "170", "80.00%"], Rows(other)["total"]);
        Assert.Contains("q=%E5%8F%A6%E4%B8%80%E5%AE%B6%E4%BC%81%E4%B8%9A", other); // the day links keep the customer
        Assert.Equal(["3", "1", "2", "0", "1", "33.33%"], Rows((await s.Admin.GetAsync("/admin/statistics/volume?sign=群发沙箱")).Html)["total"]);
        Assert.Equal(["100", "80", "15", "5", "170", "80.00%"], Rows((await s.Admin.GetAsync("/admin/statistics/volume?type=Promotion")).Html)["total"]);
        Assert.Equal(["3", "1", "2", "0", "1", "33.33%"], Rows((await s.Admin.GetAsync("/admin/statistics/volume?type=Notification")).Html)["total"]);
        Assert.Equal(["100", "80", "15", "5", "170", "80.00%"], Rows((await s.Admin.GetAsync("/admin/statistics/volume?template=十一")).Html)["total"]);
        Assert.Equal(["0", "0", "0", "0", "0", "—"], Rows((await s.Admin.GetAsync("/admin/statistics/volume?template=不存在")).Html)["total"]);

        // The customer search narrows the choice of customers.
        var search = (await s.Admin.GetAsync("/admin/statistics/volume?cq=另一家")).Html;
        Assert.Contains($"<option value=\"{s.OtherCustomer}\">另一家企业", search);
        Assert.DoesNotContain(">测试企业 (", search);

        // Bad input: a clear message, and the page still shows a sane range.
        var bad = await s.Admin.GetAsync("/admin/statistics/volume?from=yesterday");
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("日期格式不正确", bad.Html);
        var tooLong = await s.Admin.GetAsync($"/admin/statistics/volume?from=2000-01-01&to={today}");
        Assert.Contains("日期区间最长366天", tooLong.Html);
        Assert.Equal(367, Rows(tooLong.Html).Count);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Export_XlsxAndCsv_HoldExactlyTheRowsShown(DatabaseKind db)
    {
        await using var s = await StartAsync(db);
        var from = Day(s.Today.AddDays(-14));
        var query = $"from={from}&to={Day(s.Today)}&customer={s.OtherCustomer}&type=Promotion";
        var shown = Rows((await s.Admin.GetAsync("/admin/statistics/volume?" + query)).Html);

        using var xlsx = await s.Admin.Http.GetAsync($"/admin/statistics/volume?handler=Export&format=xlsx&{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var name = xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? "";
        Assert.StartsWith($"发送量统计_{from}至{Day(s.Today)}_另一家企业_推广类_", name);
        Assert.EndsWith(".xlsx", name);
        using var file = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        var sheet = file.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(shown.Count, sheet.Count);
        foreach (var row in sheet)
        {
            var key = row["日期"].ToString() == "合计" ? "total" : row["日期"].ToString()!;
            Assert.Equal(shown[key], new[] { "发送总量", "发送成功", "发送失败", "未回执", "计费条数", "成功率" }.Select(c => Convert.ToString(row[c], CultureInfo.InvariantCulture)));
        }

        using var csv = await s.Admin.Http.GetAsync($"/admin/statistics/volume?handler=Export&format=csv&{query}", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", csv.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        using var csvStream = new MemoryStream(bytes);
        var csvRows = csvStream.Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(shown.Count, csvRows.Count);
        Assert.Equal("合计", csvRows[^1]["日期"]?.ToString());
        Assert.Equal(shown["total"], new[] { "发送总量", "发送成功", "发送失败", "未回执", "计费条数", "成功率" }.Select(c => csvRows[^1][c]?.ToString()));
        Assert.Equal(2, await s.App.WithDbAsync(d => d.AdminLog.CountAsync(e => e.Action == AdminAction.ExportSendVolume && e.Succeeded, Ct)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Rebuild_RecomputesFromTheRecords_IsLogged_AndOnlyTheAdminMaySeeThePage(DatabaseKind db)
    {
        await using var s = await StartAsync(db);
        await s.App.WithDbAsync(d => d.SendRollups.ExecuteUpdateAsync(u => u.SetProperty(r => r.Delivered, 999)));

        var response = await s.Admin.PostFormAsync("/admin/statistics/volume?handler=Rebuild", new Dictionary<string, string>(), formPath: "/admin/statistics/volume");

        Assert.True(response.IsRedirectTo("/admin/statistics/volume"), response.Html);
        var page = (await s.Admin.GetAsync("/admin/statistics/volume")).Html;
        Assert.Contains("统计已重建", page);
        // Rebuilt from the records: the real send is back to its figures, and rollups without records are gone.
        Assert.Equal(["3", "1", "2", "0", "1", "33.33%"], Rows(page)["total"]);
        Assert.True(await s.App.WithDbAsync(d => d.AdminLog.AnyAsync(e => e.Action == AdminAction.RebuildRollups && e.Succeeded)));

        var customer = await s.Sending.Client.GetAsync("/admin/statistics/volume");
        Assert.NotEqual(HttpStatusCode.OK, customer.Status);
        Assert.DoesNotContain("发送数据走势图", customer.Html);
    }

    /// <summary>The table's rows by their day (or "total"), each as its six figures.</summary>
    private static Dictionary<string, string[]> Rows(string html) =>
        TableRow().Matches(html).ToDictionary(
            m => m.Groups[1].Value,
            m => Cell().Matches(m.Groups[2].Value).Select(c => WebUtility.HtmlDecode(Regex.Replace(c.Groups[1].Value, "<[^>]+>", "")).Trim()).Skip(1).ToArray());

    [GeneratedRegex("<tr[^>]*data-day=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
