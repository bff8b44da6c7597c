using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>The admin's 发送记录: 任务记录 with its 查看 (counts, success and failure lists, failed numbers download) and 发送记录 with its card.</summary>
public sealed class AdminSendRecordTests
{
    private const string TemplateCode = "SMS_900000300";
    private const string TemplateName = "发货通知";
    private const string Content = "您的订单${order}已发货";
    private const string Sent = "【群发沙箱】您的订单A1001已发货";
    private const string Company = "发送记录企业";

    // Twelve numbers the sandbox delivers, two it fails (numbers ending 0001), one that is not a number.
    private static readonly string[] Delivered = Enumerable.Range(10, 12).Select(i => "139123400" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
    private static readonly string[] Failing = ["13900000001", "13800000001"];

    private static readonly Dictionary<string, string> FastEngine = new()
    {
        ["Qunfa:Sending:IdleDelay"] = "00:00:00.050",
        ["Qunfa:Sending:RetryDelay"] = "00:00:00.200",
        ["Qunfa:Sending:RecoveryDelay"] = "00:00:02",
    };

    private sealed record Setup(QunfaApp App, PageClient Admin, long TaskId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            await App.DisposeAsync();
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Setup> SendAsync(DatabaseKind db)
    {
        var app = await QunfaApp.StartAsync(db, FastEngine);
        var admin = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(admin);
        await SetupScenario.LoginAsync(admin);
        using (var customer = app.CreatePageClient())
            await CustomerScenario.RegisterAsync(app, customer, "13700137000", "records@example.com", Company);
        CustomerScenario.Sandbox(app).SeedTemplate(TemplateCode, Content, templateType: 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var assignment = scope.ServiceProvider.GetRequiredService<Assignment>();
            await assignment.AssignSignAsync(SandboxAccount.SignName, SignatureType.General, null, Ct);
            await assignment.AssignTemplateAsync(TemplateCode, null, Ct);
        }
        var (customerId, templateId) = await app.WithDbAsync(async d =>
        {
            var customer = await d.Customers.SingleAsync();
            await d.Templates.ExecuteUpdateAsync(u => u.SetProperty(t => t.Name, TemplateName));
            d.PackageGrants.Add(new PackageGrant
            {
                CustomerId = customer.Id, Category = SmsCategory.Notification, Size = 100, Status = GrantStatus.Active,
                Source = GrantSource.Allocated, ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await d.SaveChangesAsync();
            return (customer.Id, await d.Templates.Select(t => t.Id).SingleAsync());
        });

        var common = new Dictionary<string, string> { ["order"] = "A1001" };
        var text = string.Join("\n", Delivered.Concat(Failing).Append("12345"));
        var list = RecipientListBuilder.Build(RecipientReader.ReadTextBox(text), new RecipientListOptions(TemplateVariables: ["order"], CommonValues: common));
        SendAcceptance.Accepted? accepted;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (task, outcome) = await scope.ServiceProvider.GetRequiredService<SendAcceptance>().AcceptAsync(
                new SendRequest(customerId, SandboxAccount.SignName, templateId, common, list), Ct);
            Assert.True(outcome.Succeeded);
            accepted = task;
        }
        for (var i = 0; ; i++)
        {
            var status = await app.WithDbAsync(d => d.SendTasks.Where(t => t.Id == accepted!.TaskId).Select(t => t.Status).SingleAsync());
            if (status == SendTaskStatus.Completed) break;
            if (i >= 240) throw new TimeoutException($"Task {accepted!.TaskId} did not complete in 60 s.");
            await Task.Delay(250, Ct);
        }
        return new Setup(app, admin, accepted!.TaskId);
    }

    /// <summary>The part of the page from one marker up to the next (or the end).</summary>
    private static string Section(string html, string from, string? to = null)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{from} not found");
        var end = to is null ? html.Length : html.IndexOf(to, start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TaskList_AndDetail_ShowCountsAndBothLists_SearchedAndPagedApart(DatabaseKind db)
    {
        await using var s = await SendAsync(db);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var list = (await s.Admin.GetAsync("/admin/sends/tasks")).Html;
        foreach (var text in new[] { "企业名称", "邮箱", "联系人", "手机号", "发送时间", "发送内容", "发送号码个数", "操作", "任务记录" })
            Assert.Contains(text, list);
        Assert.Contains(Company, list);
        Assert.Contains("records@example.com", list);
        Assert.Contains(Sent, list);
        Assert.Contains($"/admin/sends/task?id={s.TaskId}", list);
        Assert.Contains(">14<", list);
        Assert.Contains(Sent, (await s.Admin.GetAsync("/admin/sends/tasks?q=" + Uri.EscapeDataString(Company))).Html);
        Assert.Contains(Sent, (await s.Admin.GetAsync("/admin/sends/tasks?q=13700137000")).Html);
        Assert.Contains(Sent, (await s.Admin.GetAsync("/admin/sends/tasks?q=" + Failing[1])).Html); // a recipient's number
        Assert.DoesNotContain(Sent, (await s.Admin.GetAsync("/admin/sends/tasks?q=" + Uri.EscapeDataString("别的企业"))).Html);
        Assert.Contains(Sent, (await s.Admin.GetAsync($"/admin/sends/tasks?from={today}&to={today}")).Html);
        Assert.DoesNotContain(Sent, (await s.Admin.GetAsync($"/admin/sends/tasks?from={tomorrow}")).Html);

        var detail = (await s.Admin.GetAsync($"/admin/sends/task?id={s.TaskId}")).Html;
        var summary = Section(detail, "data-testid=\"task-summary\"", "data-testid=\"pending\"");
        Assert.Contains("发送组记录", detail);
        Assert.Contains("12 (12)", summary);
        Assert.Contains("2 (2)", summary);
        Assert.Contains("MOBILE_NOT_ON_SERVICE", summary);
        Assert.Contains(Sent, summary);
        Assert.Contains("待发送0个，已提交0个", detail);
        var delivered = Section(detail, "发送成功详情", "发送失败详情");
        var failed = Section(detail, "发送失败详情");
        Assert.Contains("共12条", delivered);
        foreach (var phone in Delivered.Take(10)) Assert.Contains(phone, delivered);
        Assert.DoesNotContain(Delivered[10], delivered); // 10 a page
        Assert.Contains("发送成功", delivered);
        Assert.Contains("DELIVERED", delivered);
        Assert.Contains(Sent, delivered);
        Assert.DoesNotContain(Failing[0], delivered);
        Assert.Contains("共2条", failed);
        foreach (var phone in Failing) Assert.Contains(phone, failed);
        Assert.Contains("发送失败", failed);
        Assert.Contains("MOBILE_NOT_ON_SERVICE", failed);
        Assert.DoesNotContain(Delivered[0], failed);

        // The success list's second page leaves the failure list where it was.
        var paged = (await s.Admin.GetAsync($"/admin/sends/task?id={s.TaskId}&sp=2")).Html;
        var secondPage = Section(paged, "发送成功详情", "发送失败详情");
        Assert.Contains(Delivered[10], secondPage);
        Assert.Contains(Delivered[11], secondPage);
        Assert.DoesNotContain(Delivered[0], secondPage);
        Assert.Contains(Failing[0], Section(paged, "发送失败详情"));

        // Searching one list by number narrows that list only.
        var searched = (await s.Admin.GetAsync($"/admin/sends/task?id={s.TaskId}&sq={Delivered[5]}&fq={Failing[1]}")).Html;
        var narrowedDelivered = Section(searched, "发送成功详情", "发送失败详情");
        var narrowedFailed = Section(searched, "发送失败详情");
        Assert.Contains("共1条", narrowedDelivered);
        Assert.Contains(Delivered[5], narrowedDelivered);
        Assert.DoesNotContain(Delivered[6], narrowedDelivered);
        Assert.Contains("共1条", narrowedFailed);
        Assert.Contains(Failing[1], narrowedFailed);
        Assert.DoesNotContain(Failing[0], narrowedFailed);
        Assert.Contains("12 (12)", Section(searched, "data-testid=\"task-summary\"", "data-testid=\"pending\"")); // the group's counts stay whole

        Assert.Equal(HttpStatusCode.NotFound, (await s.Admin.GetAsync("/admin/sends/task?id=999999")).Status);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FailedNumbers_DownloadAsXlsx_AndRecordCard_ShowsTheManualsFields(DatabaseKind db)
    {
        await using var s = await SendAsync(db);
        // Text from the carrier that a spreadsheet would evaluate is written as literal text.
        await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.Status == RecipientStatus.Failed)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Description, "=HYPERLINK(\"http://evil\")")));

        using (var response = await s.Admin.Http.GetAsync($"/admin/sends/task-failures?id={s.TaskId}", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
            using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
            var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(Failing, rows.Select(r => r["手机号"]?.ToString()));
            Assert.All(rows, r => Assert.Equal("MOBILE_NOT_ON_SERVICE", r["反馈代码"]?.ToString()));
            Assert.All(rows, r => Assert.Equal("发送失败", r["发送状态"]?.ToString()));
            Assert.All(rows, r => Assert.Equal(Sent, r["发送内容"]?.ToString()));
            Assert.All(rows, r => Assert.Equal("'=HYPERLINK(\"http://evil\")", r["信息描述"]?.ToString()));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await s.Admin.GetAsync("/admin/sends/task-failures?id=999999")).Status);

        var list = (await s.Admin.GetAsync("/admin/sends/records")).Html;
        foreach (var text in new[] { "短信签名", "短信模板", "发送号码个数", "发送条数" }) Assert.Contains(text, list);
        Assert.Contains(Company, list);
        Assert.Contains(SandboxAccount.SignName, list);
        Assert.Contains(TemplateName, list);
        Assert.Contains($"/admin/sends/record?id={s.TaskId}", list);
        Assert.DoesNotContain(Company, (await s.Admin.GetAsync("/admin/sends/records?q=" + Uri.EscapeDataString("别的企业"))).Html);

        var card = (await s.Admin.GetAsync($"/admin/sends/record?id={s.TaskId}")).Html;
        foreach (var label in new[] { "企业名称:", "邮箱:", "联系人:", "手机号:", "发送时间:", "发送用户:", "短信签名:", "短信模板:", "模板Code:", "模板内容:", "发送类型:", "有效号码:", "无效号码:" })
            Assert.Contains(label, card);
        Assert.Contains(TemplateCode, card);
        Assert.Contains("文本形式", card);
        Assert.Contains(Sent, card);
        var numbers = Section(card, "data-testid=\"valid-numbers\"", "data-testid=\"invalid-numbers\"");
        Assert.Contains(string.Join(",", Delivered.Concat(Failing)), numbers);
        var invalid = await s.App.WithDbAsync(d => d.SendTasks.Where(t => t.Id == s.TaskId).Select(t => t.InvalidCount).SingleAsync());
        Assert.Equal(1, invalid);
        Assert.Contains("1个", Section(card, "data-testid=\"invalid-numbers\""));

        using (var response = await s.Admin.Http.GetAsync($"/admin/sends/task-numbers?id={s.TaskId}", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(14, file.Query(useHeaderRow: true).Count());
        }
    }

    [Fact]
    public async Task Anonymous_IsSentToTheAdminLogin()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);
        foreach (var path in new[] { "/admin/sends/tasks", "/admin/sends/task?id=1", "/admin/sends/task-failures?id=1", "/admin/sends/task-numbers?id=1", "/admin/sends/records", "/admin/sends/record?id=1" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.Status);
            Assert.Contains("/admin/login", response.Location);
        }
    }
}
