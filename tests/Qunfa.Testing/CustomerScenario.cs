using Microsoft.Extensions.DependencyInjection;
using Qunfa.Emulators;
using Qunfa.Web.Features.Carrier;

namespace Qunfa.Testing;

/// <summary>A customer as the tests make one: registered through the real pages with a code the sandbox delivered.</summary>
public static class CustomerScenario
{
    public const string Password = "Cust0mer!";

    public static EmulatorState Sandbox(QunfaApp app) =>
        app.ExternalCarrier?.State
        ?? app.Services.GetRequiredService<SandboxCarrier>().Host?.State
        ?? throw new InvalidOperationException("The sandbox carrier has not started: complete the wizard with the sandbox first.");

    /// <summary>The code in the latest message the sandbox delivered to <paramref name="phone"/>.</summary>
    public static string? LastCode(QunfaApp app, string phone) =>
        Sandbox(app).MessagesTo(phone).LastOrDefault() is { } message
            ? System.Text.RegularExpressions.Regex.Match(message.Content, @"\d{6}").Value
            : null;

    /// <summary>The code the page shows beside its form while the sandbox is the carrier (沙箱模式：验证码 …).</summary>
    public static string? CodeOnPage(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, @"data-testid=""sandbox-code""[^>]*>[^<]*<strong[^>]*>(\d+)</strong>") is { Success: true } m
            ? m.Groups[1].Value
            : null;

    public static Dictionary<string, string> Registration(string phone, string email, string company = "测试企业") => new()
    {
        ["Input.CompanyName"] = company,
        ["Input.Email"] = email,
        ["Input.ContactName"] = "李四",
        ["Input.Phone"] = phone,
        ["Input.Password"] = Password,
        ["Input.ConfirmPassword"] = Password,
    };

    public static async Task<PageResponse> SendCodeAsync(PageClient client, string page, string phone, Dictionary<string, string>? fields = null)
    {
        var all = new Dictionary<string, string>(fields ?? []) { ["Input.Phone"] = phone };
        return await client.PostFormAsync($"{page}?handler=SendCode", all, formPath: page);
    }

    /// <summary>Registers and leaves the client signed in as the new customer.</summary>
    public static async Task RegisterAsync(QunfaApp app, PageClient client, string phone, string email, string company = "测试企业")
    {
        await SendCodeAsync(client, "/account/register", phone);
        var fields = Registration(phone, email, company);
        fields["Input.Code"] = LastCode(app, phone) ?? throw new InvalidOperationException($"No code reached {phone}");
        SetupScenario.Expect(await client.PostFormAsync("/account/register", fields), "/console");
    }
}
