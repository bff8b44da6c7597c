using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Aliyun.Notifications;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Push;
using Qunfa.Web.Features.Replies;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>上行回复 from the carrier's queue and HTTP push, 退订 and the opt-out filter, and the push endpoints' token.</summary>
public sealed class InboundReplyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> PushTokenAsync(QunfaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PushTokenService>().GetOrCreateAsync(Ct);
    }

    private static async Task<HttpResponseMessage> PushAsync(QunfaApp app, string path, string json)
    {
        using var http = app.CreateClient();
        return await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Reply_FromTheQueue_IsStoredOnce_MatchedToItsCustomer_AndShownOnlyToThem(DatabaseKind db)
    {
        await using var s = await InboundScenario.StartAsync(db);
        var task = await s.SendAndWaitAsync(s.NotificationTemplateId, "13912345678");

        CustomerScenario.Sandbox(s.App).InjectSmsUp("13912345678", "收到，谢谢", SandboxAccount.SignName, "01");
        var reply = await InboundScenario.EventuallyAsync(
            () => s.App.WithDbAsync(d => d.InboundReplies.AsNoTracking().FirstOrDefaultAsync()), r => r is not null, "the reply");

        Assert.Equal(s.CustomerId, reply!.CustomerId);
        Assert.Equal(task.Id, reply.TaskId);
        Assert.Equal("13912345678", reply.Phone);
        Assert.False(reply.OptedOut);

        // The same reply pushed again (same sequence id and number) is not stored a second time.
        var token = await PushTokenAsync(s.App);
        var again = $$"""[{"phone_number":"13912345678","content":"收到，谢谢","send_time":"2026-11-28 12:00:00","dest_code":"01","sequence_id":{{reply.SequenceId}},"sign_name":"{{SandboxAccount.SignName}}"}]""";
        using var pushed = await PushAsync(s.App, PushTokenService.ReplyPath(token), again);
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        Assert.Equal(HttpPushAcknowledgement.Body, await pushed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, await s.App.WithDbAsync(d => d.InboundReplies.CountAsync()));

        var page = await s.Client.GetAsync("/console/replies");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("收到，谢谢", page.Html);
        Assert.Contains("13912345678", page.Html);
        Assert.DoesNotContain("收到，谢谢", (await s.Client.GetAsync("/console/replies?phone=13700")).Html);

        using var other = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, other, "13700000000", "other@example.com", "乙公司");
        var foreign = await other.GetAsync("/console/replies");
        Assert.Equal(HttpStatusCode.OK, foreign.Status);
        Assert.DoesNotContain("收到，谢谢", foreign.Html);

        using var admin = s.App.CreatePageClient();
        await SetupScenario.LoginAsync(admin);
        var all = await admin.GetAsync("/admin/replies");
        Assert.Contains("收到，谢谢", all.Html);
        Assert.Contains("甲公司", all.Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TD_ToAPromotion_OptsOut_TheNextPromotionSkipsTheNumber_ANotificationStillReachesIt(DatabaseKind db)
    {
        await using var s = await InboundScenario.StartAsync(db);
        var sandbox = CustomerScenario.Sandbox(s.App);
        await s.SendAndWaitAsync(s.PromotionTemplateId, "13912345678\n13987654321");

        sandbox.InjectSmsUp("13912345678", " td ", SandboxAccount.SignName);
        var optOut = await InboundScenario.EventuallyAsync(
            () => s.App.WithDbAsync(d => d.OptOuts.AsNoTracking().FirstOrDefaultAsync()), o => o is not null, "the opt-out");
        Assert.Equal(s.CustomerId, optOut!.CustomerId);
        Assert.Equal("13912345678", optOut.Phone);
        Assert.True(await s.App.WithDbAsync(d => d.InboundReplies.AnyAsync(r => r.OptedOut)));
        // A reply that is no opt-out word changes nothing.
        sandbox.InjectSmsUp("13987654321", "TD了吗", SandboxAccount.SignName);
        await InboundScenario.EventuallyAsync(() => s.App.WithDbAsync(d => d.InboundReplies.CountAsync()), n => n == 2, "the second reply");
        Assert.Equal(1, await s.App.WithDbAsync(d => d.OptOuts.CountAsync()));

        var promotion = new Dictionary<string, string>
        {
            ["Input.SignName"] = SandboxAccount.SignName,
            ["Input.TemplateId"] = s.PromotionTemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Numbers"] = "13912345678\n13911112222",
        };
        var preview = await s.Client.PostMultipartAsync("/console/send?handler=Preview", promotion, "Input.File", null, "", "text/plain", formPath: "/console/send");
        Assert.Contains("1 个，将不发送", preview.Html);
        Assert.Contains("data-testid=\"valid-count\">1<", preview.Html);
        var token = Regex.Match(preview.Html, "name=\"Input.Token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        promotion.Remove("Input.Numbers");
        promotion["Input.Token"] = token;
        var confirmed = await s.Client.PostFormAsync("/console/send?handler=Confirm", promotion, formPath: "/console/send");
        Assert.True(confirmed.Location?.Contains("/console/tasks/detail") == true, $"{confirmed.Status} {confirmed.Location}");
        var taskId = await s.App.WithDbAsync(d => d.SendTasks.OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync());
        await s.WaitForCompletionAsync(taskId);
        Assert.Equal(["13911112222"], await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == taskId).Select(r => r.Phone).ToListAsync()));
        Assert.Single(sandbox.MessagesTo("13912345678"));
        Assert.Single(sandbox.MessagesTo("13911112222"));

        // The same filter called the way the API paths call it (their own calls: OptOutOnApiPathsTests).
        var byApi = await s.SendAndWaitAsync(s.PromotionTemplateId, "13912345678\n13933334444");
        Assert.Equal(["13933334444"], await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == byApi.Id).Select(r => r.Phone).ToListAsync()));
        Assert.Single(sandbox.MessagesTo("13912345678"));

        await s.SendAndWaitAsync(s.NotificationTemplateId, "13912345678");
        Assert.Equal(2, sandbox.MessagesTo("13912345678").Count);

        var list = await s.Client.GetAsync("/console/opt-outs");
        Assert.Contains("13912345678", list.Html);
        Assert.Contains("短信回复", list.Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SimulatedReply_InTheSandbox_TravelsTheSmsUpQueue_IsStored_AndTOptsOut(DatabaseKind db)
    {
        await using var s = await InboundScenario.StartAsync(db);
        Assert.Contains("您还没有发送过短信", (await s.Client.GetAsync("/console/replies")).Html);
        await s.SendAndWaitAsync(s.PromotionTemplateId, "13912345678\n13987654321");

        var page = await s.Client.GetAsync("/console/replies");
        Assert.Contains("模拟上行回复", page.Html);
        Assert.Contains("<option value=\"13987654321\"", page.Html);

        var refused = await SimulateAsync(s.Client, "13700000000", "T");
        Assert.Contains(Qunfa.Web.Features.Sandbox.ReplySimulator.NotRecipientMessage, refused.Html);
        Assert.Contains(Qunfa.Web.Features.Sandbox.ReplySimulator.ContentRequiredMessage, (await SimulateAsync(s.Client, "13912345678", " ")).Html);

        var accepted = await SimulateAsync(s.Client, "13912345678", "T");
        Assert.True(accepted.IsRedirectTo("/console/replies"), accepted.Html);
        var reply = await InboundScenario.EventuallyAsync(
            () => s.App.WithDbAsync(d => d.InboundReplies.AsNoTracking().FirstOrDefaultAsync()), r => r is not null, "the simulated reply");
        Assert.Equal("13912345678", reply!.Phone);
        Assert.Equal("T", reply.Content);
        Assert.Equal(s.CustomerId, reply.CustomerId);
        Assert.True(reply.OptedOut);
        Assert.NotNull(reply.SequenceId);
        // The opt-out is written just after the reply.
        var optOut = Assert.Single(await InboundScenario.EventuallyAsync(
            () => s.App.WithDbAsync(d => d.OptOuts.AsNoTracking().ToListAsync()), o => o.Count > 0, "the opt-out"));
        Assert.Equal("13912345678", optOut.Phone);
        Assert.Equal(1, await s.App.WithDbAsync(d => d.InboundReplies.CountAsync()));
        Assert.Contains("13912345678", (await s.Client.GetAsync("/console/opt-outs")).Html);
    }

    private static Task<PageResponse> SimulateAsync(PageClient client, string phone, string content) =>
        client.PostFormAsync("/console/replies?handler=Simulate",
            new Dictionary<string, string> { ["Simulate.Phone"] = phone, ["Simulate.Content"] = content }, formPath: "/console/replies");

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task R_AnsweringTheRejectionInstruction_OptsOut_AndThePreviewListsTheDroppedNumbers(DatabaseKind db)
    {
        await using var s = await InboundScenario.StartAsync(db);
        var sandbox = CustomerScenario.Sandbox(s.App);
        await s.SendAndWaitAsync(s.PromotionTemplateId, "13912345678");

        sandbox.InjectSmsUp("13912345678", "r", SandboxAccount.SignName);
        await InboundScenario.EventuallyAsync(() => s.App.WithDbAsync(d => d.OptOuts.AnyAsync(o => o.Phone == "13912345678")), found => found, "the opt-out");

        var promotion = new Dictionary<string, string>
        {
            ["Input.SignName"] = SandboxAccount.SignName,
            ["Input.TemplateId"] = s.PromotionTemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Numbers"] = "13911112222\n13912345678",
        };
        var preview = await s.Client.PostMultipartAsync("/console/send?handler=Preview", promotion, "Input.File", null, "", "text/plain", formPath: "/console/send");
        Assert.Contains("1 个，将不发送", preview.Html);
        Assert.DoesNotContain("已退订号码 1 个", preview.Html);
        Assert.Contains("13912345678", Regex.Match(preview.Html, "data-testid=\"opted-out-numbers\">([^<]*)<").Groups[1].Value);
        var token = Regex.Match(preview.Html, "name=\"Input.Token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        using var download = await s.Client.Http.GetAsync($"/console/send?handler=OptedOut&token={token}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var csv = await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("13912345678", csv);
        Assert.DoesNotContain("13911112222", csv);

        using var other = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, other, "13700000000", "other@example.com", "乙公司");
        using var foreign = await other.Http.GetAsync($"/console/send?handler=OptedOut&token={token}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OptOutList_AddsByHand_RefusesBadNumbers_RemovesOnlyOwnEntries(DatabaseKind db)
    {
        await using var s = await InboundScenario.StartAsync(db);

        var bad = await s.Client.PostFormAsync("/console/opt-outs?handler=Add", new Dictionary<string, string> { ["Input.Phone"] = "12345" }, formPath: "/console/opt-outs");
        Assert.Contains(ReplyMessages.PhoneInvalid, bad.Html);
        var added = await s.Client.PostFormAsync("/console/opt-outs?handler=Add", new Dictionary<string, string> { ["Input.Phone"] = "+86 139 1234 5678" }, formPath: "/console/opt-outs");
        Assert.True(added.IsRedirectTo("/console/opt-outs"), $"{added.Status} {added.Html}");
        var twice = await s.Client.PostFormAsync("/console/opt-outs?handler=Add", new Dictionary<string, string> { ["Input.Phone"] = "13912345678" }, formPath: "/console/opt-outs");
        Assert.Contains(ReplyMessages.AlreadyOptedOut, twice.Html);
        var optOut = await s.App.WithDbAsync(d => d.OptOuts.SingleAsync());
        Assert.Equal("13912345678", optOut.Phone);
        Assert.Contains("手动添加", (await s.Client.GetAsync("/console/opt-outs?phone=1234")).Html);

        using var other = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, other, "13700000000", "other@example.com", "乙公司");
        Assert.DoesNotContain("13912345678", (await other.GetAsync("/console/opt-outs")).Html);
        var foreign = await other.PostFormAsync($"/console/opt-outs?handler=Remove&id={optOut.Id}", new Dictionary<string, string>(), formPath: "/console/opt-outs");
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        var after = await s.App.WithDbAsync(d => d.OptOuts.SingleAsync());
        Assert.Equal((optOut.Id, optOut.CustomerId, optOut.Phone, optOut.CreatedAt, optOut.SourceReplyId),
            (after.Id, after.CustomerId, after.Phone, after.CreatedAt, after.SourceReplyId));

        var removed = await s.Client.PostFormAsync($"/console/opt-outs?handler=Remove&id={optOut.Id}", new Dictionary<string, string>(), formPath: "/console/opt-outs");
        Assert.True(removed.IsRedirectTo("/console/opt-outs"));
        Assert.Equal(0, await s.App.WithDbAsync(d => d.OptOuts.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PushEndpoints_NeedTheToken_ApplyReceipts_AndKeepUnmatchedReplies(DatabaseKind db)
    {
        await using var s = await InboundScenario.StartAsync(db);
        var sandbox = CustomerScenario.Sandbox(s.App);
        var token = await PushTokenAsync(s.App);
        const string unmatched = """[{"phone_number":"13566667777","content":"你们是谁","send_time":"2026-11-28 12:00:00","dest_code":"","sequence_id":"778899"}]""";

        using (var wrong = await PushAsync(s.App, PushTokenService.ReplyPath("not-the-token"), unmatched))
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        using (var wrongReport = await PushAsync(s.App, PushTokenService.ReportPath(token + "x"), "[]"))
            Assert.Equal(HttpStatusCode.NotFound, wrongReport.StatusCode);
        Assert.False(await s.App.WithDbAsync(d => d.InboundReplies.AnyAsync()));

        using (var right = await PushAsync(s.App, PushTokenService.ReplyPath(token), unmatched))
        {
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            Assert.Equal(HttpPushAcknowledgement.Body, await right.Content.ReadAsStringAsync(Ct));
        }
        var reply = await s.App.WithDbAsync(d => d.InboundReplies.SingleAsync());
        Assert.Null(reply.CustomerId);
        using var admin = s.App.CreatePageClient();
        await SetupScenario.LoginAsync(admin);
        var adminPage = await admin.GetAsync("/admin/replies?unmatched=true");
        Assert.Contains("你们是谁", adminPage.Html);
        Assert.Contains("未匹配", adminPage.Html);
        var carrierPage = await admin.GetAsync("/admin/settings/carrier");
        Assert.Contains(PushTokenService.ReportPath(token), carrierPage.Html);
        Assert.Contains(PushTokenService.ReplyPath(token), carrierPage.Html);

        // Receipts held back at the carrier, then pushed: applied through the same path as the queue's.
        sandbox.Options.ReportDelay = TimeSpan.FromHours(1);
        var list = Qunfa.Web.Features.Sending.Recipients.RecipientListBuilder.Build(
            Qunfa.Web.Features.Sending.Recipients.RecipientReader.ReadTextBox("13912345678"),
            new(TemplateVariables: ["order"], CommonValues: new Dictionary<string, string> { ["order"] = "A1" }));
        await using (var scope = s.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Qunfa.Web.Features.Sending.SendAcceptance>().AcceptAsync(
                new(s.CustomerId, SandboxAccount.SignName, s.NotificationTemplateId, new Dictionary<string, string> { ["order"] = "A1" }, list), Ct);
        var record = await InboundScenario.EventuallyAsync(
            () => s.App.WithDbAsync(d => d.SendRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Status == RecipientStatus.Submitted)), r => r is not null, "the submit");
        var report = $$"""[{"phone_number":"13912345678","send_time":"2026-11-28 12:00:00","report_time":"2026-11-28 12:00:05","success":true,"err_code":"DELIVERED","err_msg":"用户接收成功","sms_size":"1","biz_id":"{{record!.BizId}}","out_id":"{{record.ClaimId}}"}]""";
        using (var pushed = await PushAsync(s.App, PushTokenService.ReportPath(token), report))
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        Assert.Equal(RecipientStatus.Delivered, await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.Id == record.Id).Select(r => r.Status).SingleAsync()));

        // A receipt for one of our claims that is not known (yet) is refused so that Alibaba sends it again.
        var unknown = report.Replace(record.ClaimId!, "unknownclaim").Replace(record.BizId!, "999^0");
        using (var later = await PushAsync(s.App, PushTokenService.ReportPath(token), unknown))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, later.StatusCode);

        // A new token retires the old URLs.
        admin.Dispose();
        using var admin2 = s.App.CreatePageClient();
        await SetupScenario.LoginAsync(admin2);
        var regenerated = await admin2.PostFormAsync("/admin/settings/carrier?handler=RegeneratePush", new Dictionary<string, string>(), formPath: "/admin/settings/carrier");
        Assert.True(regenerated.IsRedirectTo("/admin/settings/carrier"), $"{regenerated.Status} {regenerated.Location}");
        using (var old = await PushAsync(s.App, PushTokenService.ReportPath(token), report))
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }
}
