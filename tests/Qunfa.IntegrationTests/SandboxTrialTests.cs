using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Emulators;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Sandbox;

namespace Qunfa.IntegrationTests;

/// <summary>The sandbox trial without logs or code: codes shown where they were asked for, 沙箱短信, approvals that survive a restart.</summary>
public sealed partial class SandboxTrialTests
{
    private const string Phone = "13900139000";
    private const string NewPhone = "13700137000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The one-code-a-minute rules (the platform's and the carrier's) for one phone, passed without waiting a minute.</summary>
    private static Task AMinuteLaterAsync(QunfaApp app)
    {
        if (app.Services.GetRequiredService<SandboxCarrier>().Host is { } sandbox) sandbox.State.Options.VerificationFlowControl = false;
        return app.WithDbAsync(async d =>
            await d.VerificationCodes.ExecuteUpdateAsync(c => c.SetProperty(x => x.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-2)), Ct)
            + await d.PhoneCodeGates.ExecuteUpdateAsync(g => g.SetProperty(x => x.LastSentAt, DateTimeOffset.UtcNow.AddMinutes(-2)), Ct));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SendCode_OnTheSandbox_ShowsTheCodeBesideTheForm_ForRegisterChangePhoneAndReset(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);

        var register = await CustomerScenario.SendCodeAsync(client, "/account/register", Phone);
        Assert.Contains("验证码已发送至139****9000", register.Html);
        Assert.Contains("仅沙箱通道显示", register.Html);
        var code = CustomerScenario.CodeOnPage(register.Html);
        Assert.Equal(CustomerScenario.LastCode(app, Phone), code);
        var fields = CustomerScenario.Registration(Phone, "trial@example.com");
        fields["Input.Code"] = code!;
        Assert.True((await client.PostFormAsync("/account/register", fields)).IsRedirectTo("/console"));

        var change = await client.PostFormAsync("/console/account?handler=SendCode", new Dictionary<string, string> { ["Input.Phone"] = NewPhone }, formPath: "/console/account");
        var changeCode = CustomerScenario.CodeOnPage(change.Html);
        Assert.True(changeCode is not null, Regex.Replace(change.Html, @"\s+", " ") is var h && h.IndexOf("card-body") is var i and >= 0 ? h[i..Math.Min(h.Length, i + 3000)] : h[..2000]);
        Assert.Equal(CustomerScenario.LastCode(app, NewPhone), changeCode);
        var changed = await client.PostFormAsync("/console/account", new Dictionary<string, string> { ["Input.Phone"] = NewPhone, ["Input.Code"] = changeCode! });
        Assert.True(changed.IsRedirectTo("/console/account"), changed.Html);

        await AMinuteLaterAsync(app);
        using var visitor = app.CreatePageClient();
        var reset = await CustomerScenario.SendCodeAsync(visitor, "/account/reset", NewPhone);
        var resetCode = CustomerScenario.CodeOnPage(reset.Html);
        Assert.Equal(CustomerScenario.LastCode(app, NewPhone), resetCode);
        Assert.NotEqual(changeCode, resetCode);
        var done = await visitor.PostFormAsync("/account/reset", new Dictionary<string, string>
        {
            ["Input.Phone"] = NewPhone, ["Input.Code"] = resetCode!, ["Input.Password"] = "N3wPassw0rd", ["Input.ConfirmPassword"] = "N3wPassw0rd",
        });
        Assert.True(done.IsRedirectTo("/account/login"), done.Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SendCode_AfterTheOperatorMovedToAlibaba_ShowsNoCode_AndTheSandboxPagesAreOff(DatabaseKind db)
    {
        // The standalone emulator plays Alibaba: the real client, the real carrier kind, a code that reaches it.
        await using var alibaba = await EmulatorHost.StartAsync(ct: Ct);
        SandboxCarrier.SeedDemoAccount(alibaba.State);
        await using var app = await QunfaApp.StartAsync(db, new Dictionary<string, string>
        {
            ["Qunfa:Aliyun:SmsEndpoint"] = new Uri(alibaba.BaseAddress, "dysmsapi/").ToString(),
            ["Qunfa:Aliyun:DybaseEndpoint"] = new Uri(alibaba.BaseAddress, "dybaseapi/").ToString(),
            ["Qunfa:Aliyun:MnsEndpoint"] = new Uri(alibaba.BaseAddress, "mns/").ToString(),
        });
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        Assert.NotNull(CustomerScenario.CodeOnPage((await CustomerScenario.SendCodeAsync(client, "/account/register", Phone)).Html));

        await app.WithDbAsync(d => d.CarrierAccounts.ExecuteUpdateAsync(a => a.SetProperty(x => x.Carrier, CarrierKind.Aliyun), Ct));
        Assert.Equal(CarrierKind.Aliyun, (await app.Services.GetRequiredService<CarrierState>().RefreshAsync(Ct)).Kind);
        await AMinuteLaterAsync(app);

        var page = await CustomerScenario.SendCodeAsync(client, "/account/register", Phone);
        Assert.Contains("验证码已发送至139****9000", page.Html);
        Assert.DoesNotContain("sandbox-code", page.Html);
        Assert.DoesNotContain("仅沙箱通道显示", page.Html);
        var delivered = Assert.Single(alibaba.State.MessagesTo(Phone));

        var fields = CustomerScenario.Registration(Phone, "real@example.com");
        fields["Input.Code"] = Regex.Match(delivered.Content, @"\d{6}").Value;
        Assert.True((await client.PostFormAsync("/account/register", fields)).IsRedirectTo("/console"));
        var replies = await client.GetAsync("/console/replies");
        Assert.DoesNotContain("模拟上行回复", replies.Html);
        var simulated = await client.PostFormAsync("/console/replies?handler=Simulate",
            new Dictionary<string, string> { ["Simulate.Phone"] = Phone, ["Simulate.Content"] = "T" }, formPath: "/console/replies");
        Assert.Contains(ReplySimulator.NotSandboxMessage, simulated.Html);

        using var admin = app.CreatePageClient();
        await SetupScenario.LoginAsync(admin);
        var list = await admin.GetAsync("/admin/sandbox");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("当前短信通道不是沙箱通道", list.Html);
        Assert.DoesNotContain("sandbox-message", list.Html);
        Assert.DoesNotContain("href=\"/admin/sandbox\"", list.Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SandboxMessages_ListsWhatTheSandboxSent_SearchFindsOneNumber_AndOnlyTheAdminSeesIt(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var first = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(first);
        await CustomerScenario.RegisterAsync(app, first, "13900139001", "first@example.com", "甲公司");
        using var second = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, second, "13900139002", "second@example.com", "乙公司");

        using var admin = app.CreatePageClient();
        await SetupScenario.LoginAsync(admin);
        var all = await admin.GetAsync("/admin/sandbox");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Contains("href=\"/admin/sandbox\"", all.Html);
        Assert.Equal(2, Rows(all.Html));
        Assert.Contains("13900139001", all.Html);
        Assert.Contains("13900139002", all.Html);
        Assert.Contains("群发沙箱", all.Html);
        Assert.Contains("【群发沙箱】您的验证码为" + CustomerScenario.LastCode(app, "13900139002"), all.Html);
        Assert.Contains("共2条", all.Html);

        var one = await admin.GetAsync("/admin/sandbox?q=13900139001");
        Assert.Equal(1, Rows(one.Html));
        Assert.Contains("13900139001", one.Html);
        Assert.DoesNotContain("13900139002", one.Html);
        Assert.Equal(2, Rows((await admin.GetAsync("/admin/sandbox?q=" + Uri.EscapeDataString("验证码"))).Html));
        Assert.Equal(0, Rows((await admin.GetAsync("/admin/sandbox?q=13800000000")).Html));

        using var anonymous = app.CreatePageClient();
        foreach (var outsider in new[] { anonymous, first })
        {
            var refused = await outsider.GetAsync("/admin/sandbox");
            Assert.NotEqual(HttpStatusCode.OK, refused.Status);
            Assert.Contains("/admin/login", refused.Location);
            Assert.DoesNotContain("13900139002", refused.Html);
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Restart_OnTheSameDatabase_KeepsTheSandboxApprovals_AndSendsAreDelivered(DatabaseKind db)
    {
        const string ownSign = "云顶科技";
        await using var database = await TestDatabase.CreateAsync(db);
        var settings = SendingScenario.Settings(null);
        int customerId, templateId, grantId;
        await using (var before = await SendingScenario.PrepareAsync(QunfaApp.StartOn(database, settings: settings), balance: 10))
        {
            // A signature of the customer's own, approved at the carrier (the template of the scenario is too).
            CustomerScenario.Sandbox(before.App).SeedSign(ownSign);
            await using (var scope = before.App.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<Assignment>().AssignSignAsync(ownSign, SignatureType.General, null, Ct);
            (customerId, templateId, grantId) = (before.CustomerId, before.TemplateId, before.GrantId);
        }

        var restarted = QunfaApp.StartOn(database, settings: settings);
        await using var after = new SendingScenario.Setup(restarted, restarted.CreatePageClient(), customerId, templateId, grantId);
        Assert.Equal(ReviewStatus.Approved, await after.App.WithDbAsync(d => d.Templates.Where(t => t.Id == templateId).Select(t => t.Status).SingleAsync(Ct)));
        var (task, outcome) = await SendingScenario.SendAsync(after, "13912345678\n13987654321", signName: ownSign);
        Assert.True(outcome.Succeeded, string.Join(";", outcome.Errors.SelectMany(e => e.Value)));
        var done = await SendingScenario.WaitForCompletionAsync(after.App, task!.TaskId);

        Assert.Equal(2, done.DeliveredCount);
        Assert.Equal(0, done.FailedCount);
        var carrier = CustomerScenario.Sandbox(after.App);
        Assert.Equal(1, carrier.SignReview(ownSign)?.Status);
        Assert.Equal(1, carrier.TemplateReview(SendingScenario.TemplateCode)?.Status);
        Assert.StartsWith("【云顶科技】您的订单A1001已发货", Assert.Single(carrier.MessagesTo("13912345678")).Content);
    }

    private static int Rows(string html) => SandboxRow().Matches(html).Count;

    [GeneratedRegex("data-testid=\"sandbox-message\"")]
    private static partial Regex SandboxRow();
}
