using Microsoft.Extensions.DependencyInjection;
using Qunfa.BrowserTests.Pages;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Settings;

namespace Qunfa.BrowserTests;

public sealed class CustomerJourneyTests
{
    private static readonly Dictionary<string, string> FastReviews = new() { ["Qunfa:Workers:ReviewSync:Interval"] = "00:00:00.500" };

    [Fact]
    public async Task Customer_RegistersWithACode_AppliesATemplate_AndSeesItApproved()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, FastReviews);
        using (var operatorClient = new PageClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.RootUri }))
            await SetupScenario.CompleteWithSandboxAsync(operatorClient);
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(Customer_RegistersWithACode_AppliesATemplate_AndSeesItApproved));
        var page = session.Page;
        const string phone = "13900139000";

        var customer = new CustomerConsolePage(session);
        await customer.RegisterAsync("云顶云河北", "hebei@example.com", phone, "Cust0mer!", () => CustomerScenario.LastCode(app, phone)!);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "首页" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("hebei@example.com")).ToBeVisibleAsync();
        await session.ScreenshotAsync("customer-home");

        // The operator gives the customer the sandbox's approved signature (分配签名 has its own browser test).
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Assignment>().AssignSignAsync(SandboxAccount.SignName, SignatureType.General, null, TestContext.Current.CancellationToken);

        await customer.ApplyTemplateAsync("发货通知", "您的订单${order}已发货，请注意查收。", SandboxAccount.SignName);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("模板已提交审核");
        var row = page.Locator("table tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("审批中");
        await session.ScreenshotAsync("customer-template-under-review");

        for (var i = 0; i < 60 && !(await row.InnerTextAsync()).Contains("审批通过", StringComparison.Ordinal); i++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
        }
        await Assertions.Expect(row).ToContainTextAsync("审批通过");
        await Assertions.Expect(row).ToContainTextAsync("SMS_");
        await session.ScreenshotAsync("customer-template-approved");
    }
}
