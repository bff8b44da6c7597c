namespace Qunfa.BrowserTests;

/// <summary>分配签名 › 查询 in Chromium: the lookup shows the signature's type at Alibaba and picks it.</summary>
public sealed class AssignLookupTests
{
    [Fact]
    public async Task LookUp_ShowsTheCarriersSignatureType_AndChoosesIt()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using (var client = app.CreatePageClient())
        {
            await SetupScenario.CompleteWithSandboxAsync(client);
            await CustomerScenario.RegisterAsync(app, client, "13900139000", "hebei@example.com", "云顶云河北");
        }
        CustomerScenario.Sandbox(app).SeedSign("云顶验证", signType: 0, approved: true);
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(LookUp_ShowsTheCarriersSignatureType_AndChoosesIt));
        var page = session.Page;
        await new Pages.AdminConsolePage(session).LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);

        await page.GotoAsync("/admin/signatures/assign");
        await page.Locator("#Input_SignName").FillAsync("云顶验证");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("carrier-sign-type")).ToContainTextAsync("验证码");
        await Assertions.Expect(page.GetByLabel("验证码", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("通用", new() { Exact = true })).Not.ToBeCheckedAsync();
        await session.ScreenshotAsync("assign-lookup");
    }
}
