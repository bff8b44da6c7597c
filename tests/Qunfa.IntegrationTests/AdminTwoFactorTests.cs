using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminAuth.TwoFactor;

namespace Qunfa.IntegrationTests;

/// <summary>
/// Two-factor sign-in for administrators: enrolment with a code the test computes from the secret shown beside the QR
/// code, the code asked for after the password, recovery codes that work once, codes that cannot be replayed, wrong codes
/// counted toward the lockout, the operator's require-for-all rule, and 管理员日志.
/// </summary>
public sealed partial class AdminTwoFactorTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Enrol_WithACodeFromTheShownSecret_ThenLoginAsksForTheCode(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var admin = app.CreatePageClient();
        await SetupScenario.CompleteAsync(admin);
        await SetupScenario.LoginAsync(admin);

        var enrolPage = await admin.GetAsync("/admin/security/enrol");
        Assert.Contains("data:image/png;base64,", enrolPage.Html);
        var secret = SecretOn(enrolPage);

        // A wrong code enables nothing.
        var wrong = await admin.PostFormAsync("/admin/security/enrol", new Dictionary<string, string> { ["Code"] = WrongCode(secret) });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains(AdminTwoFactorService.WrongEnrolmentCodeMessage, wrong.Html);
        Assert.Null(await app.WithDbAsync(d => d.AdminUsers.Select(a => a.ProtectedTotpSecret).SingleAsync()));
        Assert.Equal(secret, SecretOn(await admin.GetAsync("/admin/security/enrol")));

        var done = await admin.PostFormAsync("/admin/security/enrol", new Dictionary<string, string> { ["Code"] = Code(secret) });
        var codes = RecoveryCodesOn(done);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("已启用", (await admin.GetAsync("/admin/security")).Html);

        // Secrets at rest: the TOTP secret encrypted, the recovery codes hashed.
        var dump = await app.DumpAllTablesAsync();
        Assert.DoesNotContain(secret, dump);
        Assert.All(codes, c => Assert.DoesNotContain(c, dump));
        Assert.All(codes, c => Assert.DoesNotContain(c.Replace("-", "", StringComparison.Ordinal), dump));

        await LogoutAsync(admin);
        var password = await PasswordAsync(admin);
        Assert.True(password.IsRedirectTo(AdminSecondStep.VerifyPath + "?returnUrl=%2Fadmin"), password.Location);
        // The password alone opens nothing.
        Assert.Contains("/admin/login", (await admin.GetAsync("/admin")).Location);

        var refused = await VerifyAsync(admin, WrongCode(secret));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(AdminTwoFactorService.WrongCodeMessage, refused.Html);
        Assert.Contains("/admin/login", (await admin.GetAsync("/admin")).Location);

        var next = Code(secret, TimeSpan.FromSeconds(30));
        Assert.True((await VerifyAsync(admin, next)).IsRedirectTo("/admin"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/log")).Status);

        // The same code again, within its window: refused.
        await LogoutAsync(admin);
        Assert.True((await PasswordAsync(admin)).IsRedirectTo(AdminSecondStep.VerifyPath + "?returnUrl=%2Fadmin"));
        Assert.Contains(AdminTwoFactorService.WrongCodeMessage, (await VerifyAsync(admin, next)).Html);
        Assert.Contains("/admin/login", (await admin.GetAsync("/admin")).Location);

        var log = await LogAsync(app);
        Assert.Contains((AdminAction.EnableTwoFactor, false), log);
        Assert.Contains((AdminAction.EnableTwoFactor, true), log);
        Assert.Contains((AdminAction.TwoFactorLogin, true), log);
        Assert.Equal(2, log.Count(e => e == (AdminAction.TwoFactorLogin, false)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RecoveryCode_SignsInOnce(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var admin = app.CreatePageClient();
        await SetupScenario.CompleteAsync(admin);
        await SetupScenario.LoginAsync(admin);
        var (_, codes) = await EnrolAsync(admin);
        await LogoutAsync(admin);

        await PasswordAsync(admin);
        Assert.True((await VerifyAsync(admin, codes[3].ToUpperInvariant())).IsRedirectTo("/admin"));
        Assert.Contains("data-testid=\"recovery-codes-left\">9<", (await admin.GetAsync("/admin/security")).Html);

        await LogoutAsync(admin);
        await PasswordAsync(admin);
        Assert.Contains(AdminTwoFactorService.WrongCodeMessage, (await VerifyAsync(admin, codes[3])).Html);
        Assert.Contains("/admin/login", (await admin.GetAsync("/admin")).Location);
        Assert.True((await VerifyAsync(admin, codes[4])).IsRedirectTo("/admin"));

        var log = await LogAsync(app);
        Assert.Equal(2, log.Count(e => e == (AdminAction.RecoveryCodeLogin, true)));
        Assert.Contains((AdminAction.TwoFactorLogin, false), log);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WrongCodes_CountTowardTheLockout_AndTheRightPasswordDoesNotResetTheCount(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var admin = app.CreatePageClient();
        await SetupScenario.CompleteAsync(admin);
        await SetupScenario.LoginAsync(admin);
        var (secret, _) = await EnrolAsync(admin);
        await LogoutAsync(admin);

        await PasswordAsync(admin);
        for (var i = 0; i < 3; i++)
            Assert.Contains(AdminTwoFactorService.WrongCodeMessage, (await VerifyAsync(admin, WrongCode(secret))).Html);
        await PasswordAsync(admin);
        Assert.Contains(AdminTwoFactorService.WrongCodeMessage, (await VerifyAsync(admin, WrongCode(secret))).Html);
        Assert.Contains("账号已锁定15分钟", (await VerifyAsync(admin, WrongCode(secret))).Html);

        // Locked: even the right code is refused, and so is the password.
        Assert.Contains("账号已锁定15分钟", (await VerifyAsync(admin, Code(secret, TimeSpan.FromSeconds(30)))).Html);
        Assert.Contains("/admin/login", (await admin.GetAsync("/admin")).Location);
        Assert.Contains("账号已锁定15分钟", (await PasswordAsync(admin)).Html);
        var lockedUntil = await app.WithDbAsync(d => d.AdminUsers.Select(a => a.LockedUntil).SingleAsync());
        Assert.NotNull(lockedUntil);
        Assert.True(lockedUntil > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RequireForAll_SendsAnAdminWithoutAnAuthenticatorToEnrolmentAfterThePassword(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var admin = app.CreatePageClient();
        await SetupScenario.CompleteAsync(admin);
        await SetupScenario.LoginAsync(admin);

        var saved = await admin.PostFormAsync("/admin/security/requirement", new Dictionary<string, string> { ["RequireForAll"] = "true" }, formPath: "/admin/security");
        Assert.True(saved.IsRedirectTo("/admin/security"));
        Assert.True(await app.WithDbAsync(d => d.AdminSecuritySettings.Select(x => x.RequireTwoFactor).SingleAsync()));
        await LogoutAsync(admin);

        var password = await PasswordAsync(admin);
        Assert.True(password.IsRedirectTo(AdminSecondStep.EnrolPath + "?returnUrl=%2Fadmin"), password.Location);
        Assert.Contains("/admin/login", (await admin.GetAsync("/admin")).Location);
        // The enrolment of the login step is not the verification step.
        Assert.Contains("/admin/login", (await admin.GetAsync(AdminSecondStep.VerifyPath)).Location);

        var page = await admin.GetAsync(AdminSecondStep.EnrolPath);
        var secret = SecretOn(page);
        var wrong = await admin.PostFormAsync(AdminSecondStep.EnrolPath, new Dictionary<string, string> { ["Code"] = WrongCode(secret) });
        Assert.Contains(AdminTwoFactorService.WrongEnrolmentCodeMessage, wrong.Html);
        Assert.Contains("/admin/login", (await admin.GetAsync("/admin")).Location);

        var done = await admin.PostFormAsync(AdminSecondStep.EnrolPath, new Dictionary<string, string> { ["Code"] = Code(secret) });
        Assert.Equal(10, RecoveryCodesOn(done).Count);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).Status);

        // From now on the code is asked for.
        await LogoutAsync(admin);
        Assert.True((await PasswordAsync(admin)).IsRedirectTo(AdminSecondStep.VerifyPath + "?returnUrl=%2Fadmin"));
        var log = await LogAsync(app);
        Assert.Contains((AdminAction.RequireTwoFactor, true), log);
        Assert.Contains((AdminAction.EnableTwoFactor, true), log);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Disable_NeedsACurrentCode_ThenThePasswordIsEnoughAgain(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var admin = app.CreatePageClient();
        await SetupScenario.CompleteAsync(admin);
        await SetupScenario.LoginAsync(admin);
        var (secret, _) = await EnrolAsync(admin);

        var refused = await admin.PostFormAsync("/admin/security?handler=Disable", new Dictionary<string, string> { ["Code"] = WrongCode(secret) }, formPath: "/admin/security");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.NotNull(await app.WithDbAsync(d => d.AdminUsers.Select(a => a.ProtectedTotpSecret).SingleAsync()));

        var disabled = await admin.PostFormAsync("/admin/security?handler=Disable",
            new Dictionary<string, string> { ["Code"] = Code(secret, TimeSpan.FromSeconds(30)) }, formPath: "/admin/security");
        Assert.True(disabled.IsRedirectTo("/admin/security"));
        Assert.Null(await app.WithDbAsync(d => d.AdminUsers.Select(a => a.ProtectedTotpSecret).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(d => d.AdminRecoveryCodes.CountAsync()));

        await LogoutAsync(admin);
        Assert.True((await PasswordAsync(admin)).IsRedirectTo("/admin"));
        var log = await LogAsync(app);
        Assert.Contains((AdminAction.DisableTwoFactor, false), log);
        Assert.Contains((AdminAction.DisableTwoFactor, true), log);
    }

    private static async Task<(string Secret, IReadOnlyList<string> Codes)> EnrolAsync(PageClient admin)
    {
        var secret = SecretOn(await admin.GetAsync("/admin/security/enrol"));
        var done = await admin.PostFormAsync("/admin/security/enrol", new Dictionary<string, string> { ["Code"] = Code(secret) });
        return (secret, RecoveryCodesOn(done));
    }

    private static Task<PageResponse> PasswordAsync(PageClient client) =>
        client.PostFormAsync("/admin/login", new Dictionary<string, string> { ["Account"] = SetupScenario.AdminEmail, ["Password"] = SetupScenario.AdminPassword });

    private static Task<PageResponse> VerifyAsync(PageClient client, string code) =>
        client.PostFormAsync(AdminSecondStep.VerifyPath, new Dictionary<string, string> { ["Code"] = code, ["ReturnUrl"] = "/admin" });

    private static async Task LogoutAsync(PageClient client) =>
        Assert.True((await client.PostFormAsync("/admin/logout", new Dictionary<string, string>(), formPath: "/admin/log")).IsRedirectTo("/admin/login"));

    private static Task<List<(AdminAction, bool)>> LogAsync(QunfaApp app) =>
        app.WithDbAsync(async d => (await d.AdminLog.Select(e => new { e.Action, e.Succeeded }).ToListAsync()).Select(e => (e.Action, e.Succeeded)).ToList());

    /// <summary>The secret as the page shows it beside the QR code, for typing in by hand.</summary>
    internal static string SecretOn(PageResponse page)
    {
        var match = SecretPattern().Match(page.Html);
        Assert.True(match.Success, page.Html[..Math.Min(400, page.Html.Length)]);
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> RecoveryCodesOn(PageResponse page) =>
        [.. RecoveryPattern().Matches(page.Html).Select(m => m.Groups[1].Value)];

    /// <summary>What the authenticator app shows now, or after <paramref name="ahead"/> (the next step is accepted too).</summary>
    internal static string Code(string secret, TimeSpan ahead = default) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow + ahead);

    /// <summary>A code of a step far from now, checked to differ from every code the server accepts now.</summary>
    internal static string WrongCode(string secret)
    {
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        var near = Enumerable.Range(-2, 5).Select(i => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(20, 50).Select(i => totp.ComputeTotp(DateTime.UtcNow.AddMinutes(i))).First(c => !near.Contains(c));
    }

    [GeneratedRegex("data-testid=\"totp-secret\">([A-Z2-7 ]+)<")]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>")]
    private static partial Regex RecoveryPattern();
}
