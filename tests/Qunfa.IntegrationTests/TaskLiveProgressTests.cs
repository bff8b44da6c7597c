using System.Net;
using System.Text.Json.Nodes;

namespace Qunfa.IntegrationTests;

/// <summary>发送详情's live figures: counts by status from a small JSON handler until the task settles, the customer's own only.</summary>
public sealed class TaskLiveProgressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonNode> ProgressAsync(PageClient client, long taskId)
    {
        using var response = await client.Http.GetAsync($"/console/tasks/detail?handler=Progress&id={taskId}", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Progress_CountsByStatus_UntilTheTaskSettles_AndOnlyForItsOwner(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        var (scheduled, _) = await SendingScenario.SendAsync(s, "13912345678\n13987654321", scheduledAt: DateTimeOffset.UtcNow.AddDays(1));
        var (now, _) = await SendingScenario.SendAsync(s, "13911112222\n13933334444\n13955556666");

        var waiting = await ProgressAsync(s.Client, scheduled!.TaskId);
        Assert.False((bool)waiting["settled"]!);
        Assert.Equal(2, (int)waiting["queued"]!);
        Assert.Equal(2, (int)waiting["total"]!);
        Assert.Equal("定时待发送", (string?)waiting["state"]);
        var page = await s.Client.GetAsync($"/console/tasks/detail?id={scheduled.TaskId}");
        Assert.Contains("data-settled=\"false\"", page.Html);
        Assert.Contains("/js/task-progress.js", page.Html);

        await SendingScenario.WaitForCompletionAsync(s.App, now!.TaskId);
        var done = await ProgressAsync(s.Client, now.TaskId);
        Assert.True((bool)done["settled"]!);
        Assert.Equal(3, (int)done["delivered"]! + (int)done["failed"]!);
        Assert.Equal(0, (int)done["queued"]! + (int)done["submitted"]!);
        Assert.Equal("已完成", (string?)done["state"]);
        Assert.Contains("data-settled=\"true\"", (await s.Client.GetAsync($"/console/tasks/detail?id={now.TaskId}")).Html);

        using var other = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, other, "13800000001", "other@example.com", "另一家企业");
        using var foreign = await other.Http.GetAsync($"/console/tasks/detail?handler=Progress&id={now.TaskId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
