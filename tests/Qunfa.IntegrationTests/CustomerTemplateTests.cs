using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

public sealed class CustomerTemplateTests
{
    private static readonly Dictionary<string, string> FastReviews = new() { ["Qunfa:Workers:ReviewSync:Interval"] = "00:00:00.500" };

    private static async Task<(QunfaApp App, PageClient Client)> CustomerWithSignatureAsync(
        DatabaseKind db, string phone = "13900139000", string email = "buyer@example.com", Dictionary<string, string>? settings = null)
    {
        var app = await QunfaApp.StartAsync(db, settings ?? FastReviews);
        var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.RegisterAsync(app, client, phone, email);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Assignment>().AssignSignAsync(SandboxAccount.SignName, SignatureType.General, null, TestContext.Current.CancellationToken);
        return (app, client);
    }

    private static Dictionary<string, string> Application(string name = "订单通知", string content = "您的订单${order}已发货，请注意查收。", string type = "Notification") => new()
    {
        ["Input.Name"] = name,
        ["Input.Type"] = type,
        ["Input.Content"] = content,
        ["Input.Remark"] = "电商订单发货通知，例如：您的订单A1001已发货，请注意查收。",
        ["Input.RelatedSignName"] = SandboxAccount.SignName,
    };

    private static async Task<Template> WaitForReviewAsync(QunfaApp app)
    {
        for (var i = 0; i < 120; i++)
        {
            var template = await app.WithDbAsync(d => d.Templates.AsNoTracking().SingleAsync());
            if (template.Status != ReviewStatus.UnderReview) return template;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("The template was still under review after 30 s.");
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Apply_GoesToReview_AndTheWorkerBringsTheApproval(DatabaseKind db)
    {
        var (app, client) = await CustomerWithSignatureAsync(db);
        await using var _ = app;
        using var __ = client;

        Assert.True((await client.PostFormAsync("/console/templates/apply", Application())).IsRedirectTo("/console/templates"));
        var list = await client.GetAsync("/console/templates");
        Assert.Contains("审批中", list.Html);

        var reviewed = await WaitForReviewAsync(app);
        Assert.Equal(ReviewStatus.Approved, reviewed.Status);
        Assert.StartsWith("SMS_", reviewed.TemplateCode);
        Assert.Contains("审批通过", (await client.GetAsync("/console/templates")).Html);
    }

    [Fact]
    public async Task Rejected_ShowsTheReason_AndCanBeEditedBackIntoReview()
    {
        var (app, client) = await CustomerWithSignatureAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;

        await client.PostFormAsync("/console/templates/apply", Application(content: "REJECT 您的订单${order}已发货"));
        var rejected = await WaitForReviewAsync(app);
        Assert.Equal(ReviewStatus.Rejected, rejected.Status);
        Assert.False(string.IsNullOrEmpty(rejected.Reason));
        Assert.Contains(rejected.Reason!, (await client.GetAsync("/console/templates")).Html);

        var edited = await client.PostFormAsync($"/console/templates/edit?id={rejected.Id}", Application());
        Assert.True(edited.IsRedirectTo("/console/templates"));
        Assert.Equal(ReviewStatus.Approved, (await WaitForReviewAsync(app)).Status);
    }

    [Theory]
    [InlineData("VerificationCode", "验证码${code}，有效期${minutes}分钟", "验证码模板必须且只能包含一个变量")]
    [InlineData("Promotion", "双十一大促${name}专享，拒收请回复R", "推广短信模板不支持变量")]
    [InlineData("Promotion", "双十一大促，全场五折", "推广短信模板须注明退订方式")]
    [InlineData("Notification", "坏的${}变量", "变量格式应为${变量名}")]
    [InlineData("Notification", "【签名】不能写在内容里", "模板内容不能包含【】")]
    public async Task Apply_ContentBreakingARule_IsRefusedBeforeTheCarrier(string type, string content, string message)
    {
        var (app, client) = await CustomerWithSignatureAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;

        var response = await client.PostFormAsync("/console/templates/apply", Application(content: content, type: type));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains(message, response.Html);
        Assert.False(await app.WithDbAsync(d => d.Templates.AnyAsync()));
    }

    [Fact]
    public async Task Apply_OverTheLimit_IsRefused_AndOver500Characters()
    {
        var (app, client) = await CustomerWithSignatureAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        await app.WithDbAsync(d => d.Customers.ExecuteUpdateAsync(s => s.SetProperty(c => c.TemplateLimit, 1)));

        Assert.Contains("模板内容不能超过500个字符", (await client.PostFormAsync("/console/templates/apply", Application(content: new string('长', 501)))).Html);
        Assert.True((await client.PostFormAsync("/console/templates/apply", Application())).IsRedirectTo("/console/templates"));
        Assert.Contains("模板数量已达上限（1个）", (await client.PostFormAsync("/console/templates/apply", Application(name: "第二个"))).Html);
        Assert.Equal(1, await app.WithDbAsync(d => d.Templates.CountAsync()));
    }

    [Fact]
    public async Task Apply_WithAnotherCustomersSignature_IsRefused()
    {
        var (app, client) = await CustomerWithSignatureAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        var fields = Application();
        fields["Input.RelatedSignName"] = "别人的签名";

        Assert.Contains("关联签名必须是您已审批通过的签名", (await client.PostFormAsync("/console/templates/apply", fields)).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnotherCustomer_CannotSeeEditOrDelete(DatabaseKind db)
    {
        var (app, owner) = await CustomerWithSignatureAsync(db);
        await using var _ = app;
        using var __ = owner;
        await owner.PostFormAsync("/console/templates/apply", Application(content: "REJECT 您的订单${order}已发货"));
        var template = await WaitForReviewAsync(app);

        using var other = app.CreatePageClient();
        CustomerScenario.Sandbox(app).Options.VerificationFlowControl = false;
        await CustomerScenario.RegisterAsync(app, other, "13700137000", "other@example.com", "别家企业");

        var before = await app.WithDbAsync(d => d.Templates.Where(t => t.Id == template.Id)
            .Select(t => new { t.CustomerId, t.Name, t.Type, t.Content, t.Remark, t.Status, t.Reason, t.UpdatedAt }).SingleAsync());
        Assert.DoesNotContain(template.Name, (await other.GetAsync("/console/templates")).Html);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/console/templates/edit?id={template.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync($"/console/templates/edit?id={template.Id}", Application(), formPath: "/console/templates/apply")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync($"/console/templates?handler=Delete&id={template.Id}", new Dictionary<string, string>(), formPath: "/console/templates")).Status);
        Assert.Equal(before, await app.WithDbAsync(d => d.Templates.Where(t => t.Id == template.Id)
            .Select(t => new { t.CustomerId, t.Name, t.Type, t.Content, t.Remark, t.Status, t.Reason, t.UpdatedAt }).SingleAsync()));
    }

    [Fact]
    public async Task Delete_RemovesItHere_AndAtTheCarrier()
    {
        var (app, client) = await CustomerWithSignatureAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        await client.PostFormAsync("/console/templates/apply", Application());
        var template = await WaitForReviewAsync(app);
        Assert.NotNull(CustomerScenario.Sandbox(app).TemplateReview(template.TemplateCode!));

        var response = await client.PostFormAsync($"/console/templates?handler=Delete&id={template.Id}", new Dictionary<string, string>(), formPath: "/console/templates");

        Assert.True(response.IsRedirectTo("/console/templates"));
        Assert.False(await app.WithDbAsync(d => d.Templates.AnyAsync()));
        Assert.Null(CustomerScenario.Sandbox(app).TemplateReview(template.TemplateCode!));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReviewReportFromTheQueue_BringsTheDecision_WithoutWaitingForThePoll(DatabaseKind db)
    {
        var hourlyPolls = new Dictionary<string, string> { ["Qunfa:Workers:ReviewSync:Interval"] = "01:00:00" };
        var (app, client) = await CustomerWithSignatureAsync(db, settings: hourlyPolls);
        await using var _ = app;
        using var __ = client;

        await client.PostFormAsync("/console/templates/apply", Application());

        Assert.Equal(ReviewStatus.Approved, (await WaitForReviewAsync(app)).Status);
    }

    [Fact]
    public async Task ReviewReportPushedOverHttp_PromptsACheck_ButCannotSetAStatus()
    {
        var hourlyPolls = new Dictionary<string, string> { ["Qunfa:Workers:ReviewSync:Interval"] = "01:00:00" };
        var (app, client) = await CustomerWithSignatureAsync(DatabaseKind.Sqlite, settings: hourlyPolls);
        await using var _ = app;
        using var __ = client;
        // Slow the emulator's review so the queue report cannot come first.
        CustomerScenario.Sandbox(app).Options.ReviewDelay = TimeSpan.FromHours(1);
        await client.PostFormAsync("/console/templates/apply", Application());
        var code = await app.WithDbAsync(d => d.Templates.Select(t => t.TemplateCode).SingleAsync());

        // A forged "approved" push: the check it prompts asks the carrier, which still says under review.
        var forged = $$"""[{"template_code":"{{code}}","template_status":"approved","create_date":"2026-11-28 10:00:00"}]""";
        using var push = await client.Http.PostAsync("/api/aliyun/push/template-report",
            new StringContent(forged, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, push.StatusCode);
        Assert.Contains("接收成功", await push.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Template template;
        var waited = 0;
        do
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            template = await app.WithDbAsync(d => d.Templates.AsNoTracking().SingleAsync());
        }
        while (template.ReviewChecks == 0 && ++waited < 300);
        Assert.Equal(1, template.ReviewChecks);
        Assert.Equal(ReviewStatus.UnderReview, template.Status);
    }
}
