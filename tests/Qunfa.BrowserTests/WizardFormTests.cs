namespace Qunfa.BrowserTests;

/// <summary>Wizard step 3 after a failed Alibaba attempt, and the logo preview of step 4 and 配置信息, in Chromium.</summary>
public sealed class WizardFormTests
{
    [Fact]
    public async Task SandboxChoice_HidesAlibabaErrors_AndLogoPreview_ShowsTheChosenImage()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(SandboxChoice_HidesAlibabaErrors_AndLogoPreview_ShowsTheChosenImage));
        var page = session.Page;
        await page.GotoAsync("/");
        await new Pages.SetupWizardPage(session).PassLicenseAndAdminAsync(SetupScenario.SetupCode);
        var logo = Path.Combine(app.Database.DataDirectory, "logo.png");
        await File.WriteAllBytesAsync(logo, SetupScenario.Png, TestContext.Current.CancellationToken);

        // 阿里云短信服务 with nothing filled in: every required Alibaba field says so.
        await page.GotoAsync("/setup/system");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        var errors = page.Locator("[data-aliyun-fields] .field-validation-error");
        await Assertions.Expect(errors.First).ToBeVisibleAsync();
        Assert.True(await errors.CountAsync() >= 10);
        await Assertions.Expect(page.Locator("[data-aliyun-fields] .is-invalid").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("aliyun-errors");

        await page.GetByLabel("沙箱通道").CheckAsync();
        await Assertions.Expect(page.Locator("[data-aliyun-fields] .field-validation-error:visible")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-aliyun-fields] .is-invalid, [data-aliyun-fields] .input-validation-error")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("sandbox-chosen");

        // Back to Alibaba: the messages still apply to the blank fields.
        await page.GetByLabel("阿里云短信服务").CheckAsync();
        await Assertions.Expect(errors.First).ToBeVisibleAsync();
        await page.GetByLabel("沙箱通道").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();

        await page.GetByLabel("LOGO").SetInputFilesAsync(logo);
        await AssertPreviewLoadedAsync(page);
        await session.ScreenshotAsync("wizard-logo-preview");
        await page.GetByLabel("公司名称").FillAsync(SetupScenario.CompanyName);
        await page.GetByLabel("公司地址").FillAsync("天津市南开区南开三马路37号");
        await page.GetByLabel("企业邮箱").FillAsync("contact@example.com");
        await page.GetByLabel("联系电话").FillAsync("022-87882266");
        await page.GetByRole(AriaRole.Button, new() { Name = "完成初始化" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "初始化完成" })).ToBeVisibleAsync();

        var admin = new Pages.AdminConsolePage(session);
        await admin.LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);
        await admin.OpenMenuAsync("配置信息");
        await page.Locator("#logo-preview").EvaluateAsync("img => img.removeAttribute('src')");
        await page.GetByLabel("LOGO").SetInputFilesAsync(logo);
        await AssertPreviewLoadedAsync(page);
        await session.ScreenshotAsync("profile-logo-preview");
    }

    /// <summary>The preview is visible and its image actually decoded (a CSP-blocked source leaves it at width 0).</summary>
    private static async Task AssertPreviewLoadedAsync(IPage page)
    {
        var preview = page.Locator("#logo-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => !!document.getElementById('logo-preview').getAttribute('src')");
        Assert.True(await preview.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)"));
    }
}
