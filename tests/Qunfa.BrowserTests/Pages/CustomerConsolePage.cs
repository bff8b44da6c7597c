namespace Qunfa.BrowserTests.Pages;

/// <summary>The customer's side: registration with an SMS code, the console and its pages.</summary>
public sealed class CustomerConsolePage(BrowserSession session)
{
    private IPage Page => session.Page;

    /// <summary>The code the sandbox shows beside the form that asked for it (沙箱模式：验证码 …).</summary>
    public ILocator SandboxCode => Page.Locator("[data-testid=sandbox-code] strong");

    public async Task RegisterAsync(string company, string email, string phone, string password)
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "免费注册" }).ClickAsync();
        await Page.GetByLabel("企业名称").FillAsync(company);
        await Page.GetByLabel("邮箱", new() { Exact = false }).First.FillAsync(email);
        await Page.GetByLabel("联系人").FillAsync("李四");
        await Page.GetByLabel("手机号").FillAsync(phone);
        await Page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("验证码已发送");
        await Assertions.Expect(Page.GetByRole(AriaRole.Note)).ToContainTextAsync("仅沙箱通道显示");
        await Page.GetByLabel("验证码").FillAsync(await SandboxCode.InnerTextAsync());
        await Page.GetByLabel("登录密码").FillAsync(password);
        await Page.GetByLabel("密码确认").FillAsync(password);
        await session.ScreenshotAsync("customer-register-with-sandbox-code");
        await Page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();
    }

    /// <summary>资质管理 filled in, the carrier's code taken from the sandbox box, three images attached.</summary>
    public async Task SubmitQualificationAsync(string imagePath, string adminPhone)
    {
        await OpenMenuAsync("资质管理");
        await Page.Locator("#Input_OrganizationCode").FillAsync("91330100MA27XL0Q1P");
        await Page.Locator("#Input_LicenseValidity").FillAsync("2020-01-01~长期");
        await Page.Locator("#Input_LegalPersonName").FillAsync("张三");
        await Page.Locator("#Input_LegalPersonIdCardNo").FillAsync("11010519491231002X");
        await Page.Locator("#Input_LegalPersonIdCardValidity").FillAsync("2015-01-01~2035-01-01");
        await Page.Locator("#Input_AdminName").FillAsync("李四");
        await Page.Locator("#Input_AdminIdCardNo").FillAsync("440301199001011234");
        await Page.Locator("#Input_AdminIdCardValidity").FillAsync("2018-05-01~2038-05-01");
        await Page.Locator("#Input_AdminPhone").FillAsync(adminPhone);
        await Page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Note)).ToContainTextAsync("仅沙箱通道显示");
        await Page.Locator("#Input_Code").FillAsync(await SandboxCode.InnerTextAsync());
        foreach (var field in new[] { "#Input_LicensePic", "#Input_AdminIdCardFront", "#Input_AdminIdCardBack" })
            await Page.Locator(field).SetInputFilesAsync(imagePath);
        await session.ScreenshotAsync("customer-qualification-with-sandbox-code");
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
    }

    public async Task ApplySignatureAsync(string name, string letterPath)
    {
        await OpenMenuAsync("签名管理");
        await Page.GetByRole(AriaRole.Link, new() { Name = "申请签名" }).ClickAsync();
        await Page.Locator("#Input_Name").FillAsync(name);
        await Page.Locator("#sign-type-General").CheckAsync();
        await Page.Locator("#Input_Remark").FillAsync("用于订单发货通知");
        await Page.Locator("#letter-image").SetInputFilesAsync(letterPath);
        await Page.Locator("#Input_LetterValidity").FillAsync("2026-01-01~长期");
        await session.ScreenshotAsync("customer-signature-apply");
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
    }

    public async Task ApplyTemplateAsync(string name, string content, string signName)
    {
        await OpenMenuAsync("模板管理");
        await Page.GetByRole(AriaRole.Link, new() { Name = "申请模板" }).ClickAsync();
        await Page.GetByLabel("模板名称").FillAsync(name);
        await Page.GetByLabel("通知类").CheckAsync();
        await Page.GetByLabel("关联签名").SelectOptionAsync(signName);
        await Page.GetByLabel("模板内容").FillAsync(content);
        await Page.GetByLabel("申请说明").FillAsync("订单发货通知，例如：您的订单A1001已发货。");
        await session.ScreenshotAsync("customer-template-apply");
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
    }

    /// <summary>Buys the first package on 购买短信包 and pays at the sandbox Alipay cashier.</summary>
    public async Task BuyFirstPackageAsync()
    {
        await OpenMenuAsync("购买短信包");
        await Page.GetByRole(AriaRole.Button, new() { Name = "立即购买" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "去支付" }).ClickAsync();
        await session.ScreenshotAsync("customer-cashier");
        await Page.GetByRole(AriaRole.Button, new() { Name = "付款" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("订单编号").First).ToBeVisibleAsync();
    }

    public async Task OpenMenuAsync(string entry) =>
        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = entry, Exact = true }).ClickAsync();

    /// <summary>Reloads until <paramref name="locator"/> says <paramref name="text"/> (reviews, payments and receipts arrive in the background).</summary>
    public async Task ReloadUntilAsync(ILocator locator, string text)
    {
        for (var i = 0; i < 120 && !(await locator.InnerTextAsync()).Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await Page.ReloadAsync();
        }
        await Assertions.Expect(locator).ToContainTextAsync(text);
    }
}
