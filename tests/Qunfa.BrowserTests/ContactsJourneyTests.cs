using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Settings;

namespace Qunfa.BrowserTests;

/// <summary>通讯录 in a real browser: a CSV with names imported into a new group, a ${name} template sent to the group and two typed numbers, then the group deleted after confirming.</summary>
public sealed class ContactsJourneyTests
{
    private const string TemplateCode = "SMS_900000210";

    [Fact]
    public async Task Customer_ImportsAGroup_SendsToItAndTwoTypedNumbers_AndSeesEachRecipientsContent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, SendingScenario.Settings(null));
        using (var client = new PageClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.RootUri }))
        {
            await SetupScenario.CompleteWithSandboxAsync(client);
            await CustomerScenario.RegisterAsync(app, client, "13900139000", "hebei@example.com", "云顶云河北");
        }
        CustomerScenario.Sandbox(app).SeedTemplate(TemplateCode, "尊敬的${name}，您的订单已发货", templateType: 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var assignment = scope.ServiceProvider.GetRequiredService<Assignment>();
            await assignment.AssignSignAsync(SandboxAccount.SignName, SignatureType.General, null, ct);
            await assignment.AssignTemplateAsync(TemplateCode, null, ct);
        }
        await app.WithDbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync();
            db.PackageGrants.Add(new PackageGrant
            {
                CustomerId = customer.Id, Category = SmsCategory.Notification, Size = 100, Status = GrantStatus.Active, Source = GrantSource.Allocated,
                ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(Customer_ImportsAGroup_SendsToItAndTwoTypedNumbers_AndSeesEachRecipientsContent));
        var page = session.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱/手机号").FillAsync("hebei@example.com");
        await page.GetByLabel("密码").FillAsync(CustomerScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "通讯录" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "导入联系人" }).ClickAsync();
        await page.GetByLabel("新分组名称").FillAsync("VIP客户");
        await page.GetByLabel("新分组备注").FillAsync("华北区会员");
        await page.GetByLabel("号码文件").SetInputFilesAsync(new FilePayload
        {
            Name = "vip.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("手机号,name,等级\n13912345678,张三,金卡\n13987654321,李四,银卡\n12345,坏号码,\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("valid-count")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("invalid-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("field-names")).ToHaveTextAsync("name、等级");
        await session.ScreenshotAsync("import-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已导入 2 个联系人");
        await Assertions.Expect(page.GetByTestId("contact-phone")).ToHaveCountAsync(2);
        await session.ScreenshotAsync("group-contacts");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "通讯录" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("group-count")).ToHaveTextAsync("2");
        await session.ScreenshotAsync("groups");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "发送短信" }).ClickAsync();
        await page.GetByLabel("VIP客户（2 人）").CheckAsync();
        await page.GetByLabel("${name}：").FillAsync("顾客");
        await page.Locator("#numbers").FillAsync("13911112222\n13955556666");
        await session.ScreenshotAsync("send-to-group");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("valid-count")).ToHaveTextAsync("4");
        await session.ScreenshotAsync("send-to-group-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认发送" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "发送记录查询" }).ClickAsync();
        var byTemplate = page.GetByTestId("by-template");
        await byTemplate.GetByLabel("短信模板").FillAsync(TemplateCode);
        await byTemplate.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.GetByTestId("template-summary").GetByRole(AriaRole.Link, new() { Name = "详情" }).ClickAsync();
        var rows = page.GetByTestId("records").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = "13912345678" })).ToContainTextAsync("【群发沙箱】尊敬的张三，您的订单已发货");
        await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = "13987654321" })).ToContainTextAsync("【群发沙箱】尊敬的李四，您的订单已发货");
        await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = "13911112222" })).ToContainTextAsync("【群发沙箱】尊敬的顾客，您的订单已发货");
        await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = "13955556666" })).ToContainTextAsync("【群发沙箱】尊敬的顾客，您的订单已发货");
        await session.ScreenshotAsync("records-with-each-content");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "通讯录" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync("确定删除分组“VIP客户”吗？");
        await session.ScreenshotAsync("delete-group-confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认删除" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("分组已删除");
        await Assertions.Expect(page.GetByTestId("group-name")).ToHaveCountAsync(0);
    }
}
