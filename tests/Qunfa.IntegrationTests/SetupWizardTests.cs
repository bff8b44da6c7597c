using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Setup;

namespace Qunfa.IntegrationTests;

public sealed class SetupWizardTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnyPage_BeforeSetup_LeadsToWizardStep(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();

        Assert.True((await client.GetAsync("/")).IsRedirectTo("/setup"));
        Assert.True((await client.GetAsync("/admin/login")).IsRedirectTo("/setup"));
        Assert.True((await client.GetAsync("/setup")).IsRedirectTo("/setup/license"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Wizard_AllFiveSteps_CompletesAndAdminCanLogIn(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();

        await SetupScenario.CompleteAsync(client);
        await SetupScenario.LoginAsync(client);

        var installation = await app.WithDbAsync(d => d.Installations.SingleAsync());
        Assert.Equal(WizardStep.Done, installation.Step);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/settings/profile")).Status);
        var portal = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, portal.Status);
        Assert.Contains(SetupScenario.CompanyName, portal.Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Wizard_LeftHalfway_ResumesAtItsStep(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using (var first = app.CreatePageClient())
        {
            await first.PostFormAsync("/setup/license", SetupScenario.License());
            await first.PostFormAsync("/setup/admin", SetupScenario.AdminAccount());
        }

        using var later = app.CreatePageClient();
        Assert.True((await later.GetAsync("/setup")).IsRedirectTo("/setup/system"));
        Assert.True((await later.GetAsync("/")).IsRedirectTo("/setup"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StepPostedOutOfOrder_IsRefusedAndChangesNothing(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();
        await client.PostFormAsync("/setup/license", SetupScenario.License());

        // Step 4 cannot be reached while step 2 waits; the token comes from the page the wizard is on.
        var response = await client.PostMultipartAsync("/setup/portal", SetupScenario.Portal(), "Input.Logo", SetupScenario.Png, "logo.png", "image/png", formPath: "/setup/admin");

        Assert.True(response.IsRedirectTo("/setup/admin"));
        var notice = await client.GetAsync("/setup/admin");
        Assert.Contains("请按顺序完成初始化步骤", notice.Html);
        Assert.Equal(WizardStep.AdminAccount, await app.WithDbAsync(d => d.Installations.Select(i => i.Step).SingleAsync()));
        Assert.False(await app.WithDbAsync(d => d.PortalProfiles.AnyAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StepPosted_AfterCompletion_IsRefusedAndChangesNothing(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);

        var again = SetupScenario.License();
        again["Input.Email"] = "intruder@example.com";
        var response = await client.PostFormAsync("/setup/license", again, formPath: "/admin/login");

        Assert.True(response.IsRedirectTo("/setup/done"));
        Assert.Contains("系统已完成初始化", (await client.GetAsync("/setup/done")).Html);
        Assert.Equal(SetupScenario.AdminEmail, await app.WithDbAsync(d => d.AdminUsers.Select(a => a.Email).SingleAsync()));
        Assert.True((await client.GetAsync("/setup/admin")).IsRedirectTo("/setup/done"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task License_EmptyFields_EachNamedAndNothingSaved(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();

        var response = await client.PostFormAsync("/setup/license", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        foreach (var message in new[] { "请先输入安装码", "请填写您的姓名", "请填写公司名称", "请填写您的邮箱", "请填写您的电话", "请填写云市场的订单号后8位" })
            Assert.Contains(message, response.Html);
        Assert.Equal(WizardStep.License, await app.WithDbAsync(d => d.Installations.Select(i => i.Step).SingleAsync()));
    }

    [Theory]
    [InlineData("abc12", "密码长度需在6-18个字符之间")]
    [InlineData("abcdefghijklmnopqrs1", "密码长度需在6-18个字符之间")]
    [InlineData("abcdefgh", "密码需包含数字、字母、标点符号中的至少两种")]
    [InlineData("12345678", "密码需包含数字、字母、标点符号中的至少两种")]
    [InlineData("密码abc123", "密码只能包含数字、字母、特殊字符")]
    [InlineData("abc 12345", "密码只能包含数字、字母、特殊字符")]
    public async Task AdminAccount_PasswordBreakingARule_NamesTheRuleAndSavesNothing(string password, string message)
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await client.PostFormAsync("/setup/license", SetupScenario.License());

        var response = await client.PostFormAsync("/setup/admin", SetupScenario.AdminAccount(password));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains(message, response.Html);
        Assert.False(await app.WithDbAsync(d => d.AdminUsers.AnyAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AdminAccount_MismatchedConfirmation_IsRefused(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();
        await client.PostFormAsync("/setup/license", SetupScenario.License());

        var response = await client.PostFormAsync("/setup/admin", SetupScenario.AdminAccount("Passw0rd!", "Passw0rd?"));

        Assert.Contains("两次输入的密码不一致", response.Html);
        Assert.False(await app.WithDbAsync(d => d.AdminUsers.AnyAsync()));
    }

    [Theory]
    [InlineData("logo.png", "image/png", "not an image at all", "LOGO只支持PNG、JPG格式")]
    [InlineData("logo.gif", "image/gif", "GIF89a\u0001\u0000\u0001\u0000", "LOGO只支持PNG、JPG格式")]
    public async Task Portal_LogoThatIsNotPngOrJpeg_IsRefused(string name, string type, string content, string message)
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await ReachPortalStepAsync(client);

        var response = await client.PostMultipartAsync("/setup/portal", SetupScenario.Portal(), "Input.Logo", System.Text.Encoding.ASCII.GetBytes(content), name, type);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains(message, response.Html);
        Assert.False(await app.WithDbAsync(d => d.PortalProfiles.AnyAsync()));
        Assert.Equal(WizardStep.Portal, await app.WithDbAsync(d => d.Installations.Select(i => i.Step).SingleAsync()));
    }

    [Fact]
    public async Task Portal_LogoOf3MB_IsRefused()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await ReachPortalStepAsync(client);
        var big = new byte[3 * 1024 * 1024];
        SetupScenario.Png.CopyTo(big, 0);

        var response = await client.PostMultipartAsync("/setup/portal", SetupScenario.Portal(), "Input.Logo", big, "big.png", "image/png");

        Assert.Contains("LOGO需小于2MB", response.Html);
        Assert.False(await app.WithDbAsync(d => d.PortalProfiles.AnyAsync()));
    }

    [Fact]
    public async Task SystemInfo_SandboxChoice_FillsTheDemoAccount()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await client.PostFormAsync("/setup/license", SetupScenario.License());
        await client.PostFormAsync("/setup/admin", SetupScenario.AdminAccount());

        var response = await client.PostFormAsync("/setup/system", new Dictionary<string, string> { ["Input.Carrier"] = "Sandbox" });

        Assert.True(response.IsRedirectTo("/setup/portal"));
        var account = await app.WithDbAsync(d => d.CarrierAccounts.SingleAsync());
        Assert.Equal(Qunfa.Web.Domain.Settings.CarrierKind.Sandbox, account.Carrier);
        Assert.Equal("emulator-ak", account.AccessKeyId);
        Assert.NotEmpty(account.RegisterScene.TemplateCode);
    }

    private static async Task ReachPortalStepAsync(PageClient client)
    {
        await client.PostFormAsync("/setup/license", SetupScenario.License());
        await client.PostFormAsync("/setup/admin", SetupScenario.AdminAccount());
        await client.PostFormAsync("/setup/system", SetupScenario.SystemInfo());
    }
}
