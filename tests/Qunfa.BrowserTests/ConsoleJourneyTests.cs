using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Features.Messaging;

namespace Qunfa.BrowserTests;

/// <summary>The customer console as a person uses it: first steps, switching templates, the preview, live progress, language and copy buttons.</summary>
public sealed class ConsoleJourneyTests
{
    private const string SecondTemplateCode = "SMS_900000201";

    private static async Task<SendingScenario.Setup> StartAsync(int balance)
    {
        var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, SendingScenario.Settings(null));
        return await SendingScenario.PrepareAsync(app, balance);
    }

    private static async Task LoginAsync(IPage page, string account = "sender@example.com")
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱/手机号").FillAsync(account);
        await page.GetByLabel("密码").FillAsync(CustomerScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "首页" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SendPage_ChangingTheTemplate_ShowsItsVariables_AndThePreviewBillsEachRow()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var s = await StartAsync(balance: 5);
        CustomerScenario.Sandbox(s.App).SeedTemplate(SecondTemplateCode, "尊敬的${name}，您的会员已续费", templateType: 1);
        await using (var scope = s.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Assignment>().AssignTemplateAsync(SecondTemplateCode, null, ct);
        var second = await s.App.WithDbAsync(d => d.Templates.Where(t => t.TemplateCode == SecondTemplateCode).Select(t => t.Id).SingleAsync(ct));

        await using var session = await BrowserSession.OpenAsync(s.App.RootUri, nameof(SendPage_ChangingTheTemplate_ShowsItsVariables_AndThePreviewBillsEachRow));
        var page = session.Page;
        await LoginAsync(page);
        await session.ScreenshotAsync("home-checklist");
        await page.GotoAsync("/console/send");
        await Assertions.Expect(page.GetByLabel("${order}：")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("您的订单${order}已发货")).ToBeVisibleAsync();

        await page.GetByLabel("短信模板").SelectOptionAsync(second.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByLabel("${name}：")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("${order}：")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByText("尊敬的${name}，您的会员已续费")).ToBeVisibleAsync();
        await page.GetByLabel("${name}：").FillAsync("王先生");
        await page.Locator("#numbers").FillAsync("13912345678\n13912345678\n13987654321");
        await session.ScreenshotAsync("send-template-switched");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=preview-content]")).ToHaveTextAsync("【群发沙箱】尊敬的王先生，您的会员已续费");
        await Assertions.Expect(page.Locator("[data-testid=valid-count]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-testid=duplicate-count]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=invalid-count]")).ToHaveTextAsync("0");

        // Each row of a file is billed by its own length: 1 + 2 + 4 segments, more than the 5 left.
        await page.GetByLabel("短信模板").SelectOptionAsync(s.TemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#numbers").FillAsync("");
        await page.Locator("#number-file").SetInputFilesAsync(new FilePayload
        {
            Name = "numbers.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"手机号,order\r\n13912345678,A\r\n13987654321,{new string('B', 60)}\r\n13911112222,{new string('C', 200)}\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=segments]")).ToHaveTextAsync("每条短信按1–4条计费（各号码的变量值长短不同），合计7条");
        var shortfall = page.Locator("[data-testid=shortfall]");
        await Assertions.Expect(shortfall).ToContainTextAsync("余量不足，还差 2 条");
        await session.ScreenshotAsync("send-preview-range-shortfall");
        await shortfall.GetByRole(AriaRole.Link, new() { Name = "购买短信包" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "购买短信包" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TaskPage_ShowsTheCountsLive_UntilTheTaskSettles()
    {
        await using var s = await StartAsync(balance: 10);
        await using var session = await BrowserSession.OpenAsync(s.App.RootUri, nameof(TaskPage_ShowsTheCountsLive_UntilTheTaskSettles));
        var page = session.Page;
        await LoginAsync(page);
        // Due in a few seconds: the page opens while every number waits, and is not reloaded by the test.
        var (task, _) = await SendingScenario.SendAsync(s, "13912345678\n13987654321", scheduledAt: DateTimeOffset.UtcNow.AddSeconds(6));

        await page.GotoAsync($"/console/tasks/detail?id={task!.TaskId}");
        var progress = page.Locator("[data-task-progress]");
        await Assertions.Expect(progress.Locator("[data-progress-count=queued]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-progress-live]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("task-waiting");

        await Assertions.Expect(progress.Locator("[data-progress-count=delivered]")).ToHaveTextAsync("2", new() { Timeout = 60_000 });
        await Assertions.Expect(progress.Locator("[data-progress-count=queued]")).ToHaveTextAsync("0");
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-settled", "true");
        await Assertions.Expect(page.Locator("table tbody tr").Filter(new() { HasText = "13912345678" })).ToContainTextAsync("发送成功", new() { Timeout = 30_000 });
        await session.ScreenshotAsync("task-settled");
    }

    [Fact]
    public async Task Console_SwitchesToEnglish_AndOffersToCopyASecretShownOnce()
    {
        await using var s = await StartAsync(balance: 10);
        await using var session = await BrowserSession.OpenAsync(s.App.RootUri, nameof(Console_SwitchesToEnglish_AndOffersToCopyASecretShownOnce));
        var page = session.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await LoginAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Home" })).ToBeVisibleAsync();
        await page.GotoAsync("/console/account");
        await session.ScreenshotAsync("account-english");
        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "账号设置" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("account");

        await page.GotoAsync("/console/api-keys");
        await page.GetByLabel("密钥名称").FillAsync("订单系统");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建密钥" }).ClickAsync();
        var secret = await page.GetByTestId("issued-secret").InnerTextAsync();
        var copy = page.GetByTestId("issued").GetByRole(AriaRole.Button, new() { Name = "复制" }).Last;
        await Assertions.Expect(copy).ToBeVisibleAsync();
        await copy.ClickAsync();
        await Assertions.Expect(page.GetByTestId("issued").GetByRole(AriaRole.Button, new() { Name = "已复制" })).ToBeVisibleAsync();
        Assert.Equal(secret, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await session.ScreenshotAsync("api-key-copy");
    }
}
