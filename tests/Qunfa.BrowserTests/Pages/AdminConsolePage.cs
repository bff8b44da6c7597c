namespace Qunfa.BrowserTests.Pages;

/// <summary>The admin console: login, the left menu and the pages behind it.</summary>
public sealed class AdminConsolePage(BrowserSession session)
{
    private IPage Page => session.Page;

    public async Task LoginAsync(string account, string password)
    {
        await Page.GotoAsync("/admin/login");
        await Page.GetByLabel("邮箱/手机号").FillAsync(account);
        await Page.GetByLabel("密码").FillAsync(password);
        await session.ScreenshotAsync("admin-login");
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    public async Task OpenMenuAsync(string entry) =>
        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = entry, Exact = true }).ClickAsync();

    public async Task ChangeCompanyNameAsync(string name)
    {
        await OpenMenuAsync("配置信息");
        await Page.GetByLabel("公司名称").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await session.ScreenshotAsync("admin-profile-saved");
    }

    public ILocator LogRows => Page.Locator("table tbody tr");
}
