using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Push;

namespace Qunfa.IntegrationTests;

/// <summary>A receipt that contradicts the one already applied (FAILED after DELIVERED, or the reverse) changes nothing.</summary>
public sealed class ConflictingReceiptTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Receipt(SendRecord record, bool success) =>
        $$"""{"phone_number":"{{record.Phone}}","send_time":"2026-11-28 12:00:00","report_time":"2026-11-28 12:00:09","success":{{(success ? "true" : "false")}},"err_code":"{{(success ? "DELIVERED" : "MOBILE_IN_BLACK")}}","err_msg":"{{(success ? "用户接收成功" : "手机号在黑名单")}}","sms_size":"1","biz_id":"{{record.BizId}}","out_id":"{{record.ClaimId}}"}""";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LaterContradictingReceipts_ChangeNeitherStatusCountsNorBilling(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        var (accepted, _) = await SendingScenario.SendAsync(s, "13912345678\n13900000001");
        var before = await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);
        var records = await s.App.WithDbAsync(d => d.SendRecords.AsNoTracking().ToDictionaryAsync(r => r.Phone));
        var delivered = records["13912345678"];
        var failed = records["13900000001"];
        Assert.Equal((RecipientStatus.Delivered, RecipientStatus.Failed), (delivered.Status, failed.Status));
        Assert.Equal(1, await UsedAsync(s));

        string token;
        await using (var scope = s.App.Services.CreateAsyncScope())
            token = await scope.ServiceProvider.GetRequiredService<PushTokenService>().GetOrCreateAsync(Ct);
        using var http = s.App.CreateClient();
        var body = $"[{Receipt(delivered, success: false)},{Receipt(failed, success: true)}]";
        using (var pushed = await http.PostAsync(PushTokenService.ReportPath(token), new StringContent(body, Encoding.UTF8, "application/json"), Ct))
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);

        var after = await s.App.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync(t => t.Id == accepted.TaskId));
        Assert.Equal((1, 1), (after.DeliveredCount, after.FailedCount));
        Assert.Equal(before.CompletedAt, after.CompletedAt);
        var now = await s.App.WithDbAsync(d => d.SendRecords.AsNoTracking().ToDictionaryAsync(r => r.Phone));
        Assert.Equal((RecipientStatus.Delivered, "DELIVERED", false), (now["13912345678"].Status, now["13912345678"].Code, now["13912345678"].Refunded));
        Assert.Equal((RecipientStatus.Failed, "MOBILE_NOT_ON_SERVICE", true), (now["13900000001"].Status, now["13900000001"].Code, now["13900000001"].Refunded));
        Assert.Equal(1, await UsedAsync(s));
    }

    private static Task<int> UsedAsync(SendingScenario.Setup s) =>
        s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync());
}
