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

    /// <summary>The names of the left menu's links, in order.</summary>
    public Task<IReadOnlyList<string>> MenuEntriesAsync() =>
        Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link).AllInnerTextsAsync();

    /// <summary>管理员管理 → 添加管理员, filled and saved.</summary>
    public async Task AddAdminAsync(string name, string email, string phone, string role, string initialPassword)
    {
        await OpenMenuAsync("管理员管理");
        await Page.GetByRole(AriaRole.Link, new() { Name = "添加管理员" }).ClickAsync();
        await Page.GetByLabel("姓名").FillAsync(name);
        await Page.GetByLabel("邮箱").FillAsync(email);
        await Page.GetByLabel("手机号").FillAsync(phone);
        await Page.GetByLabel("角色").SelectOptionAsync(new SelectOptionValue { Label = role });
        await Page.GetByLabel("初始密码").FillAsync(initialPassword);
        await Page.GetByLabel("确认密码").FillAsync(initialPassword);
        await session.ScreenshotAsync("add-admin");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
    }

    /// <summary>修改密码, as an admin with an initial password is made to do first.</summary>
    public async Task ChangePasswordAsync(string current, string chosen)
    {
        await Page.Locator("#Input_CurrentPassword").FillAsync(current);
        await Page.Locator("#Input_Password").FillAsync(chosen);
        await Page.Locator("#Input_ConfirmPassword").FillAsync(chosen);
        await Page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
    }
}
