namespace Qunfa.Testing;

/// <summary>The values a test operator fills into the wizard, and the steps to fill them.</summary>
public static class SetupScenario
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminPhone = "13800138000";
    public const string AdminPassword = "Passw0rd!";
    public const string CompanyName = "测试云科技";
    public const string AccessKeySecret = "SuperSecretAk9876543210";
    /// <summary>The 安装码 every test host is started with (see QunfaApp).</summary>
    public const string SetupCode = "QUNF-ATES-TSET-UPC2";

    /// <summary>The smallest valid PNG (1×1).</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static Dictionary<string, string> License(string? setupCode = SetupCode) => new()
    {
        ["Input.SetupCode"] = setupCode ?? "",
        ["Input.Name"] = "张三",
        ["Input.CompanyName"] = CompanyName,
        ["Input.Email"] = AdminEmail,
        ["Input.Phone"] = AdminPhone,
        ["Input.PurchaseInfo"] = "A1B2C3D4",
    };

    public static Dictionary<string, string> AdminAccount(string password = AdminPassword, string? confirm = null) => new()
    {
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    public static Dictionary<string, string> SystemInfo() => new()
    {
        ["Input.Carrier"] = "Aliyun",
        ["Input.AccessKeyId"] = "LTAI5tTestAccessKey",
        ["Input.AccessKeySecret"] = AccessKeySecret,
        ["Input.RegisterScene.SignName"] = "云顶云",
        ["Input.RegisterScene.TemplateCode"] = "SMS_100000001",
        ["Input.RegisterScene.VariableName"] = "code",
        ["Input.ResetPasswordScene.SignName"] = "云顶云",
        ["Input.ResetPasswordScene.TemplateCode"] = "SMS_100000002",
        ["Input.ResetPasswordScene.VariableName"] = "code",
        ["Input.ChangePhoneScene.SignName"] = "云顶云",
        ["Input.ChangePhoneScene.TemplateCode"] = "SMS_100000003",
        ["Input.ChangePhoneScene.VariableName"] = "code",
        ["Input.ReportQueueName"] = "Alicom-Queue-123-SmsReport",
        ["Input.InboundQueueName"] = "Alicom-Queue-123-SmsUp",
    };

    public static Dictionary<string, string> Portal(string companyName = CompanyName) => new()
    {
        ["Input.CompanyName"] = companyName,
        ["Input.Address"] = "天津市南开区南开三马路37号",
        ["Input.Email"] = "contact@example.com",
        ["Input.Phone"] = "022-87882266",
    };

    /// <summary>Only the carrier choice: the wizard fills the sandbox demo account in.</summary>
    public static Dictionary<string, string> SandboxSystemInfo() => new() { ["Input.Carrier"] = "Sandbox" };

    /// <summary>The wizard with fake Alibaba keys; for tests that never send.</summary>
    public static Task CompleteAsync(PageClient client) => CompleteAsync(client, SystemInfo());

    /// <summary>The wizard on the built-in sandbox carrier, for tests that send codes or messages.</summary>
    public static Task CompleteWithSandboxAsync(PageClient client) => CompleteAsync(client, SandboxSystemInfo());

    private static async Task CompleteAsync(PageClient client, Dictionary<string, string> systemInfo)
    {
        Expect(await client.PostFormAsync("/setup/license", License()), "/setup/admin");
        Expect(await client.PostFormAsync("/setup/admin", AdminAccount()), "/setup/system");
        Expect(await client.PostFormAsync("/setup/system", systemInfo), "/setup/portal");
        Expect(await client.PostMultipartAsync("/setup/portal", Portal(), "Input.Logo", Png, "logo.png", "image/png"), "/setup/done");
    }

    public static async Task LoginAsync(PageClient client, string password = AdminPassword) =>
        Expect(await client.PostFormAsync("/admin/login", new Dictionary<string, string> { ["Account"] = AdminEmail, ["Password"] = password }), "/admin");

    internal static void Expect(PageResponse response, string location)
    {
        if (!response.IsRedirectTo(location))
            throw new InvalidOperationException($"Expected a redirect to {location}, got {(int)response.Status} {response.Location}: {Excerpt(response.Html)}");
    }

    private static string Excerpt(string html)
    {
        var i = html.IndexOf("field-validation-error", StringComparison.Ordinal);
        if (i < 0) i = html.IndexOf("alert", StringComparison.Ordinal);
        return i < 0 ? html[..Math.Min(300, html.Length)] : html[i..Math.Min(i + 400, html.Length)];
    }
}
