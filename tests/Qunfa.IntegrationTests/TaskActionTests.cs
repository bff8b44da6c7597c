using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>取消 a scheduled task and 重新发送失败号码 from the customer's 发送详情.</summary>
public sealed partial class TaskActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ScheduledTask_CancelledBeforeItIsDue_RefundsEverythingAndSendsNothing(DatabaseKind db)
    {
        var s = await SendingScenario.StartAsync(db, balance: 10);
        await using var _ = s.App;
        var (accepted, _) = await SendingScenario.SendAsync(s, "13912345678\n13987654321", scheduledAt: DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal(2, await s.App.WithDbAsync(d => d.PackageGrants.Select(g => g.Used).SingleAsync()));
        var detail = $"/console/tasks/detail?id={accepted!.TaskId}";
        Assert.Contains("取消任务", (await s.Client.GetAsync(detail)).Html);

        var response = await s.Client.PostFormAsync($"/console/tasks/detail?handler=Cancel&id={accepted.TaskId}", new Dictionary<string, string>(), formPath: detail);

        Assert.True(response.IsRedirectTo(detail), response.Html);
        Assert.Contains("任务已取消，短信条数已退回", (await s.Client.GetAsync(detail)).Html);
        var task = await s.App.WithDbAsync(d => d.SendTasks.SingleAsync());
        Assert.Equal(SendTaskStatus.Cancelled, task.Status);
        Assert.All(await s.App.WithDbAsync(d => d.SendRecords.ToListAsync()), r => Assert.Equal(RecipientStatus.Cancelled, r.Status));
        Assert.Equal(0, await s.App.WithDbAsync(d => d.PackageGrants.Select(g => g.Used).SingleAsync()));
        Assert.Empty(CustomerScenario.Sandbox(s.App).MessagesTo("13912345678"));
        var admin = s.App.CreatePageClient();
        await SetupScenario.LoginAsync(admin);
        Assert.Contains("已取消2个", (await admin.GetAsync($"/admin/sends/task?id={accepted.TaskId}")).Html);

        // A second cancel changes nothing and says why.
        await s.Client.PostFormAsync($"/console/tasks/detail?handler=Cancel&id={accepted.TaskId}", new Dictionary<string, string>(), formPath: detail);
        Assert.Contains("不能取消", (await s.Client.GetAsync(detail)).Html);
        Assert.Equal(0, await s.App.WithDbAsync(d => d.PackageGrants.Select(g => g.Used).SingleAsync()));
    }

    [Fact]
    public async Task TaskAlreadySending_CannotBeCancelled_AndAnotherCustomerGets404()
    {
        var s = await SendingScenario.StartAsync(DatabaseKind.Sqlite, balance: 10);
        await using var _ = s.App;
        var (accepted, _) = await SendingScenario.SendAsync(s, "13912345678");
        await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);
        var detail = $"/console/tasks/detail?id={accepted.TaskId}";

        await s.Client.PostFormAsync($"/console/tasks/detail?handler=Cancel&id={accepted.TaskId}", new Dictionary<string, string>(), formPath: detail);
        Assert.Equal(SendTaskStatus.Completed, (await s.App.WithDbAsync(d => d.SendTasks.SingleAsync())).Status);
        Assert.Equal(1, await s.App.WithDbAsync(d => d.PackageGrants.Select(g => g.Used).SingleAsync()));

        using var other = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, other, "13700000000", "other@example.com", "另一家企业");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/console/tasks/detail?handler=Failed&id={accepted.TaskId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/console/tasks/detail?id={accepted.TaskId}")).Status);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FailedNumbers_AreDownloadable_AndResentAsANewTaskAfterPreview(DatabaseKind db)
    {
        var s = await SendingScenario.StartAsync(db, balance: 10);
        await using var _ = s.App;
        // The sandbox fails numbers ending in 0001.
        var (accepted, _) = await SendingScenario.SendAsync(s, "13912340001\n13987654321", new() { ["order"] = "B7" });
        var first = await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);
        Assert.Equal(1, first.FailedCount);
        var detail = await s.Client.GetAsync($"/console/tasks/detail?id={first.Id}");
        Assert.Contains("重新发送失败号码", detail.Html);

        var download = await s.Client.Http.GetAsync($"/console/tasks/detail?handler=Failed&id={first.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(await download.Content.ReadAsStreamAsync(Ct), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("13912340001", Assert.Single(rows)["手机号"]?.ToString());

        var preview = await s.Client.GetAsync($"/console/send?resendTask={first.Id}");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Matches("data-testid=\"valid-count\">1<", preview.Html);
        Assert.Contains("【群发沙箱】您的订单B7已发货", preview.Html);
        var token = TokenPattern().Match(preview.Html).Groups[1].Value;
        var confirm = await s.Client.PostFormAsync("/console/send?handler=Confirm", new Dictionary<string, string>
        {
            ["Input.SignName"] = SandboxAccount.SignName,
            ["Input.TemplateId"] = s.TemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Variables[order]"] = "B7",
            ["Input.Token"] = token,
        }, formPath: $"/console/send?resendTask={first.Id}");

        Assert.StartsWith("/console/tasks/detail", confirm.Location);
        var second = await s.App.WithDbAsync(d => d.SendTasks.OrderBy(t => t.Id).LastAsync());
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(1, second.NumberCount);
        Assert.Equal("13912340001", await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == second.Id).Select(r => r.Phone).SingleAsync()));
    }

    [Fact]
    public async Task TaskWithoutFailures_OffersNoResend()
    {
        var s = await SendingScenario.StartAsync(DatabaseKind.Sqlite, balance: 10);
        await using var _ = s.App;
        var (accepted, _) = await SendingScenario.SendAsync(s, "13987654321");
        await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);

        var page = await s.Client.GetAsync($"/console/send?resendTask={accepted.TaskId}");

        Assert.Contains("该任务没有发送失败的号码", page.Html);
        Assert.Single(await s.App.WithDbAsync(d => d.SendTasks.ToListAsync()));
    }

    [GeneratedRegex("name=\"Input.Token\" value=\"([0-9a-f]+)\"")]
    private static partial Regex TokenPattern();
}
