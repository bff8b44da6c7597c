using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Features.Setup;

namespace Qunfa.IntegrationTests;

/// <summary>
/// The first-run wizard belongs to whoever holds the 安装码 printed at start-up (issue 15, item 4), not to whoever
/// arrives first: step 1 asks for it, a wrong one is counted like a wrong password, later steps need it.
/// </summary>
public sealed partial class SetupCodeTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task License_WithoutTheCode_IsRefusedAndChangesNothing(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();

        var response = await client.PostFormAsync("/setup/license", SetupScenario.License(setupCode: null));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("请先输入安装码", response.Html);
        var installation = await app.WithDbAsync(d => d.Installations.SingleAsync());
        Assert.Equal((WizardStep.License, "", 0), (installation.Step, installation.Email, installation.FailedLoginCount));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LaterSteps_ForABrowserWithoutTheCode_AreRefused_EvenOnceStep1IsDone(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var owner = app.CreatePageClient();
        Assert.True((await owner.PostFormAsync("/setup/license", SetupScenario.License())).IsRedirectTo("/setup/admin"));
        using var intruder = app.CreatePageClient();

        var shown = await intruder.GetAsync("/setup/admin");
        var posted = await intruder.PostFormAsync("/setup/admin", SetupScenario.AdminAccount("Intrud3r!"), formPath: "/setup/license");

        Assert.True(shown.IsRedirectTo("/setup/license"));
        Assert.Contains("请先输入安装码", (await intruder.GetAsync("/setup/license")).Html);
        Assert.True(posted.IsRedirectTo("/setup/license"));
        Assert.False(await app.WithDbAsync(d => d.AdminUsers.AnyAsync()));
        // What the owner typed in step 1 is not shown to a browser without the code.
        Assert.DoesNotContain(SetupScenario.AdminEmail, (await intruder.GetAsync("/setup/license")).Html);
        Assert.True((await owner.PostFormAsync("/setup/admin", SetupScenario.AdminAccount())).IsRedirectTo("/setup/system"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WrongCodes_AreCountedLikeWrongPasswords_EvenAllAtOnce_ThenEvenTheRightOneIsLocked(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db, new Dictionary<string, string> { ["Qunfa:AdminLoginAttemptsPerMinutePerIp"] = "1000" });
        using var client = app.CreatePageClient();
        var token = await client.TokenAsync("/setup/license");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            client.PostWithoutTokenAsync("/setup/license", SetupScenario.License("WRON-GCOD-EWRO-NGCD"), forgedToken: token)));

        Assert.InRange(answers.Count(a => a.Html.Contains(SetupService.WrongCodeMessage + "<") || a.Html.Contains(SetupService.WrongCodeMessage + "\"")), 0, 4);
        Assert.Equal(20, answers.Count(a => a.Html.Contains(SetupService.WrongCodeMessage) || a.Html.Contains(SetupService.CodeLockedMessage)));
        var installation = await app.WithDbAsync(d => d.Installations.SingleAsync());
        Assert.Equal(5, installation.FailedLoginCount);
        Assert.True(installation.LockedUntil > DateTimeOffset.UtcNow);
        var right = await client.PostFormAsync("/setup/license", SetupScenario.License());
        Assert.Contains(SetupService.CodeLockedMessage, right.Html);
        Assert.Equal(WizardStep.License, await app.WithDbAsync(d => d.Installations.Select(i => i.Step).SingleAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FreshInstall_WritesARandomCodeToTheDataDirectory_StoresOnlyItsHash_AndTheCodeWorks(DatabaseKind db)
    {
        // No test code: the host makes one as in production.
        await using var app = await QunfaApp.StartAsync(db, new Dictionary<string, string> { [SetupCodeIssuer.TestCodeKey] = "" });
        var file = Path.Combine(app.Database.DataDirectory, SetupCode.FileName);
        var code = (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Trim();
        Assert.Matches(CodePattern(), code);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var dump = await app.DumpAllTablesAsync();
        Assert.DoesNotContain(code, dump);
        Assert.DoesNotContain(code.Replace("-", ""), dump);
        Assert.Contains(SetupCode.Hash(code), dump);

        using var client = app.CreatePageClient();
        // Typed without dashes and in lower case, as people do.
        var step1 = await client.PostFormAsync("/setup/license", SetupScenario.License(code.Replace("-", "").ToLowerInvariant()));
        Assert.True(step1.IsRedirectTo("/setup/admin"), step1.Html);
        Assert.True((await client.PostFormAsync("/setup/admin", SetupScenario.AdminAccount())).IsRedirectTo("/setup/system"));
        Assert.True((await client.PostFormAsync("/setup/system", SetupScenario.SystemInfo())).IsRedirectTo("/setup/portal"));
        Assert.True((await client.PostMultipartAsync("/setup/portal", SetupScenario.Portal(), "Input.Logo", SetupScenario.Png, "logo.png", "image/png")).IsRedirectTo("/setup/done"));

        // Complete: the code is gone from the disk and the database.
        Assert.False(File.Exists(file));
        Assert.Null(await app.WithDbAsync(d => d.Installations.Select(i => i.SetupCodeHash).SingleAsync()));
    }

    [GeneratedRegex("^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$")]
    private static partial Regex CodePattern();
}
