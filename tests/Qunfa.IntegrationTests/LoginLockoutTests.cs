using System.Net;
using Qunfa.Web.Domain.Accounts;

namespace Qunfa.IntegrationTests;

/// <summary>
/// Five wrong passwords in a row lock a customer or an admin for 15 minutes; a good login in between starts the count
/// again; the lock ends by itself. Sequential attempts only: concurrent ones are #15's.
/// </summary>
public sealed class LoginLockoutTests
{
    private static readonly string[] Wrong = ["Wrong0ne!", "Wrong0ne!", "Wrong0ne!", "Wrong0ne!"];

    /// <summary>Every attempt from a browser of its own, so that a session won by one attempt cannot help the next.</summary>
    private sealed record Login(QunfaApp App, string Path, string Account, string Password, string Home)
    {
        private async Task<PageResponse> TryAsync(string password)
        {
            using var client = App.CreatePageClient();
            return await client.PostFormAsync(Path, new Dictionary<string, string> { ["Account"] = Account, ["Password"] = password });
        }

        public async Task RefusedAsync(string password, string message)
        {
            var response = await TryAsync(password);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Contains(message, response.Html);
        }

        public async Task SucceedsAsync()
        {
            var response = await TryAsync(Password);
            Assert.True(response.IsRedirectTo(Home), $"{response.Status} {response.Location}");
        }
    }

    private static async Task LockoutRulesAsync(Login login, ShiftedClock clock)
    {
        foreach (var password in Wrong) await login.RefusedAsync(password, LoginLockout.WrongCredentialsMessage);
        // The good login starts the count again: four more wrong ones do not lock.
        await login.SucceedsAsync();
        foreach (var password in Wrong) await login.RefusedAsync(password, LoginLockout.WrongCredentialsMessage);
        await login.RefusedAsync("Wrong0ne!", LoginLockout.LockedMessage);

        await login.RefusedAsync(login.Password, LoginLockout.LockedMessage);
        clock.Advance(LoginLockout.Duration - TimeSpan.FromMinutes(1));
        await login.RefusedAsync(login.Password, LoginLockout.LockedMessage);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await login.SucceedsAsync();
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Customer_LockedAfterFiveWrong_ResetByAGoodLogin_UnlockedAfter15Minutes(DatabaseKind db)
    {
        var clock = new ShiftedClock();
        await using var app = await QunfaApp.StartAsync(db, new Dictionary<string, string> { ["Qunfa:Customers:LoginAttemptsPerMinutePerIp"] = "1000" }, clock);
        using (var setup = app.CreatePageClient())
        {
            await SetupScenario.CompleteWithSandboxAsync(setup);
            await CustomerScenario.RegisterAsync(app, setup, "13800000000", "locked@example.com");
        }

        await LockoutRulesAsync(new Login(app, "/account/login", "locked@example.com", CustomerScenario.Password, "/console"), clock);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Admin_LockedAfterFiveWrong_ResetByAGoodLogin_UnlockedAfter15Minutes(DatabaseKind db)
    {
        var clock = new ShiftedClock();
        await using var app = await QunfaApp.StartAsync(db, clock: clock);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);

        await LockoutRulesAsync(new Login(app, "/admin/login", SetupScenario.AdminEmail, SetupScenario.AdminPassword, "/admin"), clock);
    }
}
