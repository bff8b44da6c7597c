namespace Qunfa.BrowserTests.Pages;

/// <summary>The five steps of 初始化, filled in as an operator would.</summary>
public sealed class SetupWizardPage(BrowserSession session)
{
    private IPage Page => session.Page;

    /// <summary>The wizard from its first page; a wrong 安装码 is tried first when <paramref name="wrongCodeFirst"/> is given.</summary>
    public async Task CompleteAsync(string logoPath, string setupCode, string? wrongCodeFirst = null)
    {
        await Page.GotoAsync("/");
        if (wrongCodeFirst is not null)
        {
            await Page.GetByLabel("安装码").FillAsync(wrongCodeFirst);
            await Page.GetByLabel("购买信息").FillAsync("A1B2C3D4");
            await Page.GetByRole(AriaRole.Button, new() { Name = "获取授权" }).ClickAsync();
            await Assertions.Expect(Page.GetByText("安装码错误", new() { Exact = true })).ToBeVisibleAsync();
            await session.ScreenshotAsync("wizard-license-wrong-code");
        }
        await PassLicenseAndAdminAsync(setupCode);

        await Page.GetByLabel("沙箱通道").CheckAsync();
        await session.ScreenshotAsync("wizard-system");
        await Page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();

        await Page.GetByLabel("LOGO").SetInputFilesAsync(logoPath);
        await Page.GetByLabel("公司地址").FillAsync("天津市南开区南开三马路37号");
        await Page.GetByLabel("企业邮箱").FillAsync("contact@example.com");
        await Page.GetByLabel("联系电话").FillAsync("022-87882266");
        await session.ScreenshotAsync("wizard-portal");
        await Page.GetByRole(AriaRole.Button, new() { Name = "完成初始化" }).ClickAsync();
        await session.ScreenshotAsync("wizard-done");
    }

    /// <summary>Steps 1 (with the 安装码) and 2; the browser is then on step 3.</summary>
    public async Task PassLicenseAndAdminAsync(string setupCode)
    {
        await Page.GetByLabel("安装码").FillAsync(setupCode);
        await Page.GetByLabel("您的姓名").FillAsync("张三");
        await Page.GetByLabel("公司名称").FillAsync(SetupScenario.CompanyName);
        await Page.GetByLabel("您的邮箱").FillAsync(SetupScenario.AdminEmail);
        await Page.GetByLabel("您的电话").FillAsync(SetupScenario.AdminPhone);
        await Page.GetByLabel("购买信息").FillAsync("A1B2C3D4");
        await session.ScreenshotAsync("wizard-license");
        await Page.GetByRole(AriaRole.Button, new() { Name = "获取授权" }).ClickAsync();

        await Page.GetByLabel("登录密码").FillAsync(SetupScenario.AdminPassword);
        await Page.GetByLabel("密码确认").FillAsync(SetupScenario.AdminPassword);
        await session.ScreenshotAsync("wizard-admin");
        await Page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
    }
}
