using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Push;

namespace Qunfa.IntegrationTests;

/// <summary>
/// A receipt for a number already settled changes nothing: one that contradicts it (FAILED after DELIVERED, or the
/// reverse), and the same receipt again, arriving after the task is done and so in a batch of its own.
/// </summary>
public sealed class ConflictingReceiptTests
{
    private const string DeliveredPhone = "13912345678";
    // The sandbox fails …0001 with MOBILE_NOT_ON_SERVICE.
    private const string FailedPhone = "13900000001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Receipt(SendRecord record, bool success, string code) =>
        $$"""{"phone_number":"{{record.Phone}}","send_time":"2026-11-28 12:00:00","report_time":"2026-11-28 12:00:09","success":{{(success ? "true" : "false")}},"err_code":"{{code}}","err_msg":"{{(success ? "用户接收成功" : "发送失败")}}","sms_size":"1","biz_id":"{{record.BizId}}","out_id":"{{record.ClaimId}}"}""";

    /// <summary>A task of one delivered and one failed number, settled, and its receipts pushed again as <paramref name="receipts"/> give them.</summary>
    private static async Task AssertNothingChangesAsync(DatabaseKind db, Func<SendRecord, SendRecord, string> receipts)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        var (accepted, _) = await SendingScenario.SendAsync(s, $"{DeliveredPhone}\n{FailedPhone}");
        var before = await SendingScenario.WaitForCompletionAsync(s.App, accepted!.TaskId);
        var records = await s.App.WithDbAsync(d => d.SendRecords.AsNoTracking().ToDictionaryAsync(r => r.Phone));
        Assert.Equal((RecipientStatus.Delivered, RecipientStatus.Failed), (records[DeliveredPhone].Status, records[FailedPhone].Status));
        Assert.Equal(1, await UsedAsync(s));

        string token;
        await using (var scope = s.App.Services.CreateAsyncScope())
            token = await scope.ServiceProvider.GetRequiredService<PushTokenService>().GetOrCreateAsync(Ct);
        using var http = s.App.CreateClient();
        var body = $"[{receipts(records[DeliveredPhone], records[FailedPhone])}]";
        using (var pushed = await http.PostAsync(PushTokenService.ReportPath(token), new StringContent(body, Encoding.UTF8, "application/json"), Ct))
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);

        var after = await s.App.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync(t => t.Id == accepted.TaskId));
        Assert.Equal((1, 1), (after.DeliveredCount, after.FailedCount));
        Assert.Equal(before.CompletedAt, after.CompletedAt);
        var now = await s.App.WithDbAsync(d => d.SendRecords.AsNoTracking().ToDictionaryAsync(r => r.Phone));
        foreach (var phone in new[] { DeliveredPhone, FailedPhone })
            Assert.Equal((records[phone].Status, records[phone].Code, records[phone].Refunded, records[phone].ReportedAt),
                (now[phone].Status, now[phone].Code, now[phone].Refunded, now[phone].ReportedAt));
        Assert.Equal((RecipientStatus.Failed, "MOBILE_NOT_ON_SERVICE", true), (now[FailedPhone].Status, now[FailedPhone].Code, now[FailedPhone].Refunded));
        Assert.Equal(1, await UsedAsync(s));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public Task LaterContradictingReceipts_ChangeNeitherStatusCountsNorBilling(DatabaseKind db) =>
        AssertNothingChangesAsync(db, (delivered, failed) =>
            $"{Receipt(delivered, success: false, "MOBILE_IN_BLACK")},{Receipt(failed, success: true, "DELIVERED")}");

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public Task TheSameReceiptsAgain_InALaterBatch_AreAppliedOnce(DatabaseKind db) =>
        AssertNothingChangesAsync(db, (delivered, failed) =>
            $"{Receipt(delivered, success: true, "DELIVERED")},{Receipt(failed, success: false, "MOBILE_NOT_ON_SERVICE")}");

    private static Task<int> UsedAsync(SendingScenario.Setup s) =>
        s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync());
}
