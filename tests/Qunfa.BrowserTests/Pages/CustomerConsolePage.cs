namespace Qunfa.BrowserTests.Pages;

/// <summary>The customer's side: registration with an SMS code, the console and its template pages.</summary>
public sealed class CustomerConsolePage(BrowserSession session)
{
    private IPage Page => session.Page;

    public async Task RegisterAsync(string company, string email, string phone, string password, Func<string> codeFromPhone)
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "免费注册" }).ClickAsync();
        await Page.GetByLabel("企业名称").FillAsync(company);
        await Page.GetByLabel("邮箱", new() { Exact = false }).First.FillAsync(email);
        await Page.GetByLabel("联系人").FillAsync("李四");
        await Page.GetByLabel("手机号").FillAsync(phone);
        await Page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("验证码已发送");
        await Page.GetByLabel("验证码").FillAsync(codeFromPhone());
        await Page.GetByLabel("登录密码").FillAsync(password);
        await Page.GetByLabel("密码确认").FillAsync(password);
        await session.ScreenshotAsync("customer-register");
        await Page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();
    }

    public async Task ApplyTemplateAsync(string name, string content, string signName)
    {
        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "模板管理" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "申请模板" }).ClickAsync();
        await Page.GetByLabel("模板名称").FillAsync(name);
        await Page.GetByLabel("通知类").CheckAsync();
        await Page.GetByLabel("关联签名").SelectOptionAsync(signName);
        await Page.GetByLabel("模板内容").FillAsync(content);
        await Page.GetByLabel("申请说明").FillAsync("订单发货通知，例如：您的订单A1001已发货。");
        await session.ScreenshotAsync("customer-template-apply");
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
    }
}
