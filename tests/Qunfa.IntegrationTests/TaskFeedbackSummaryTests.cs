using System.Text.RegularExpressions;

namespace Qunfa.IntegrationTests;

/// <summary>任务记录 › 查看: the group's 反馈代码 sums up every settled number by code, not one failure's code.</summary>
public sealed partial class TaskFeedbackSummaryTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MostlyDeliveredTask_ShowsNumbersPerFeedbackCode(DatabaseKind db)
    {
        var s = await SendingScenario.StartAsync(db, balance: 10);
        await using var _ = s.App;
        // The sandbox fails numbers ending 0001 (MOBILE_NOT_ON_SERVICE) and 0003 (MOBILE_TERMINAL_ERROR).
        var (accepted, outcome) = await SendingScenario.SendAsync(s, "13900000011\n13900000012\n13900000013\n13900000014\n13900000001\n13900000003\n13900010003");
        Assert.True(outcome.Succeeded);
        await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);
        using var admin = s.App.CreatePageClient();
        await SetupScenario.LoginAsync(admin);

        var html = (await admin.GetAsync($"/admin/sends/task?id={accepted.TaskId}")).Html;

        var summary = html[html.IndexOf("data-testid=\"feedback-summary\"", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("</table>", StringComparison.Ordinal)];
        var lines = Row().Matches(summary).Select(m => Regex.Replace(m.Value, "<[^>]+>|\\s+", " ").Trim()).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Matches("^DELIVERED .* 4个$", lines[0]);
        Assert.Matches("^MOBILE_TERMINAL_ERROR .*2个$", lines[1]);
        Assert.Matches("^MOBILE_NOT_ON_SERVICE .*1个$", lines[2]);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AllDelivered_SaysOk_AsTheManualShows(DatabaseKind db)
    {
        var s = await SendingScenario.StartAsync(db, balance: 10);
        await using var _ = s.App;
        var (accepted, _) = await SendingScenario.SendAsync(s, "13900000011\n13900000012");
        await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);
        using var admin = s.App.CreatePageClient();
        await SetupScenario.LoginAsync(admin);

        var html = (await admin.GetAsync($"/admin/sends/task?id={accepted.TaskId}")).Html;

        Assert.DoesNotContain("feedback-summary", html);
        Assert.Contains("<td>OK</td><td>OK</td>", html);
    }

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}
